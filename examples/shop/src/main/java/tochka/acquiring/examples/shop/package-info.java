/**
 * An example shop that takes payments through Tochka's internet acquiring with the project's Spring Boot starter:
 * one page of products, an order paid through a payment link, the order marked paid by the bank's verified webhook,
 * and an admin refund. Copy what you need; the comments say what a real shop would do differently.
 */
@NullMarked
package tochka.acquiring.examples.shop;

import org.jspecify.annotations.NullMarked;
