package tochka.acquiring.server.payments;

/** The kind of an entry in a payment's {@code Order[]}; the wire's {@code OrderType}, mapped in {@link PaymentWire}. */
public enum OrderKind {
    APPROVAL,
    AUTHORIZED,
    REFUND
}
