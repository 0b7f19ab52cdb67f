package tochka.acquiring.examples.shop;

/** Where an order is: waiting for its payment, paid (the bank's webhook said so), or refunded by an admin. */
public enum OrderStatus {
    NEW,
    PAID,
    REFUNDED
}
