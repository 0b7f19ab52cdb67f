package tochka.acquiring.server.payments;

import java.math.BigDecimal;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.Shown;

/**
 * What a payment link, a receipt line or a refund may carry: a positive amount of at most {@link #MAX}, to the
 * kopeck. The limits of the bank's acquiring; {@link Money} itself is any signed amount.
 */
public final class LinkAmount {

    /** The largest amount one payment link may carry: 100 000 000.00 roubles. */
    public static final Money MAX = new Money(10_000_000_000L);

    private LinkAmount() {}

    /**
     * Parses a wire amount in roubles ({@code 10}, {@code "10.5"}, {@code 1234.00}) within the limits.
     *
     * @throws IllegalArgumentException with a message that reads after the field name ("must be ...")
     */
    public static Money parse(BigDecimal roubles) {
        if (roubles.signum() <= 0) throw new IllegalArgumentException("must be greater than 0, got " + plain(roubles));
        if (roubles.compareTo(MAX.roubles()) > 0) {
            throw new IllegalArgumentException(
                    "must not exceed " + MAX.roubles().toPlainString() + ", got " + plain(roubles));
        }
        if (roubles.movePointRight(2).stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("must have at most 2 decimal places, got " + plain(roubles));
        }
        return Money.ofRoubles(roubles);
    }

    private static String plain(BigDecimal value) {
        return Shown.cut(value.toPlainString());
    }
}
