package tochka.acquiring.server.core;

import java.math.BigDecimal;

/**
 * A signed amount of roubles in kopecks: zero and negative amounts are amounts too (a balance, a correction). The
 * wire carries roubles as a decimal; {@link #ofRoubles} and {@link #roubles} are the only places that convert, and
 * they never round. Limits of one use (what a payment link may carry) belong to that use, not here.
 */
public record Money(long kopecks) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /**
     * {@code roubles} exactly, in kopecks ({@code 10}, {@code 10.5}, {@code -0.33}).
     *
     * @throws ArithmeticException when it has a fraction of a kopeck or does not fit in a {@code long} of kopecks
     */
    public static Money ofRoubles(BigDecimal roubles) {
        return new Money(roubles.movePointRight(2).longValueExact());
    }

    /** This amount in roubles, without trailing zeros ({@code 10}, {@code 10.5}, {@code 0.33}, {@code -1}). */
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
}
