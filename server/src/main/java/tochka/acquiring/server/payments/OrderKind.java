package tochka.acquiring.server.payments;

/** The kind of an entry in a payment's {@code Order[]}. */
public enum OrderKind {
    APPROVAL,
    AUTHORIZED,
    REFUND;

    /** The bank's spelling: {@code approval}, {@code authorized}, {@code refund}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OrderKind ofWireName(String wireName) {
        return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}
