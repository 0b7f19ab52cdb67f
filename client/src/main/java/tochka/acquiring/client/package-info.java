/**
 * The Java SDK for Tochka Bank's internet acquiring: {@link tochka.acquiring.client.TochkaClient} and its resources,
 * for the real bank, its sandbox, or this project's server.
 */
@NullMarked
package tochka.acquiring.client;

import org.jspecify.annotations.NullMarked;
