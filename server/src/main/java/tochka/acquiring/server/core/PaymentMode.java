package tochka.acquiring.server.core;

/** How a buyer may pay a link ({@code paymentMode}) and how it was paid ({@code paymentType}). */
public enum PaymentMode {
    SBP,
    CARD,
    TINKOFF,
    DOLYAME;

    /** The bank's spelling: {@code sbp}, {@code card}, {@code tinkoff}, {@code dolyame}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PaymentMode ofWireName(String wireName) {
        return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}
