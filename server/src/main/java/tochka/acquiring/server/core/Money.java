package tochka.acquiring.server.core;

import java.math.BigDecimal;

/**
 * An amount of roubles in kopecks. The wire carries roubles as a decimal; this is the only place that converts, and
 * it never rounds: sub-kopeck precision, zero, negatives and amounts above {@link #MAX} are refused by the parser.
 */
public record Money(long kopecks) implements Comparable<Money> {

    /** The largest amount one payment link may carry: 100 000 000.00 roubles. */
    public static final Money MAX = new Money(10_000_000_000L);

    public static final Money ZERO = new Money(0);

    public Money {
        if (kopecks < 0) throw new IllegalArgumentException("kopecks < 0: " + kopecks);
    }

    /**
     * Parses a positive wire amount in roubles ({@code 10}, {@code "10.5"}, {@code 1234.00}).
     *
     * @throws IllegalArgumentException with a message that reads after the field name ("must be ...")
     */
    public static Money ofRoubles(BigDecimal roubles) {
        if (roubles.signum() <= 0) throw new IllegalArgumentException("must be greater than 0, got " + plain(roubles));
        if (roubles.compareTo(MAX.roubles()) > 0) {
            throw new IllegalArgumentException(
                    "must not exceed " + MAX.roubles().toPlainString() + ", got " + plain(roubles));
        }
        BigDecimal kopecks = roubles.movePointRight(2);
        if (kopecks.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("must have at most 2 decimal places, got " + plain(roubles));
        }
        return new Money(kopecks.longValueExact());
    }

    /** This amount in roubles, without trailing zeros ({@code 10}, {@code 10.5}, {@code 0.33}). */
    public BigDecimal roubles() {
        BigDecimal value = BigDecimal.valueOf(kopecks, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(kopecks, other.kopecks));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(kopecks, other.kopecks));
    }

    public boolean isZero() {
        return kopecks == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(kopecks, other.kopecks);
    }

    @Override
    public String toString() {
        return roubles().toPlainString() + " RUB";
    }

    private static String plain(BigDecimal value) {
        String text = value.toPlainString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
