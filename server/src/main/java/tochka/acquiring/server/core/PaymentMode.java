package tochka.acquiring.server.core;

import java.util.Locale;

/**
 * How a buyer may pay a link and how it was paid: the one domain enum for the wire's {@code AcquiringPaymentMode}
 * and {@code PaymentType}, which {@code http/Wire} maps to and from.
 */
public enum PaymentMode {
    SBP,
    CARD,
    TINKOFF,
    DOLYAME;

    /**
     * The mode's short code, {@code card}: how messages and logs name it, and how the stores write it in a column
     * (fixed by the data already stored). It happens to be the wire's spelling too, but the wire is read and
     * written only through {@code http/Wire}.
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a {@link #code()}, as a store reads its column back. */
    public static PaymentMode ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
