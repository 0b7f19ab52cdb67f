package tochka.acquiring.server.payments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a payment link, as the bank documents it. One-stage: CREATED -> APPROVED. Two-stage (card only):
 * CREATED -> AUTHORIZED -> (capture) -> APPROVED. Refunds move a paid link to REFUNDED_PARTIALLY and REFUNDED.
 * An unpaid link becomes EXPIRED when its ttl runs out. There is no "declined" status: a declined attempt leaves the
 * link CREATED, so the buyer may try again.
 *
 * <p>ON_REFUND and WAIT_FULL_PAYMENT exist on the wire; this server refunds at once and has no split payments, so
 * it never enters them.
 */
public enum PaymentStatus {
    CREATED,
    APPROVED,
    ON_REFUND,
    REFUNDED,
    EXPIRED,
    REFUNDED_PARTIALLY,
    AUTHORIZED,
    WAIT_FULL_PAYMENT;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            CREATED, EnumSet.of(APPROVED, AUTHORIZED, EXPIRED),
            AUTHORIZED, EnumSet.of(APPROVED),
            APPROVED, EnumSet.of(REFUNDED_PARTIALLY, REFUNDED),
            REFUNDED_PARTIALLY, EnumSet.of(REFUNDED_PARTIALLY, REFUNDED));

    /** The bank's spelling: {@code ON-REFUND} has a hyphen, the others are the constant names. */
    public String wireName() {
        return this == ON_REFUND ? "ON-REFUND" : name();
    }

    public static PaymentStatus ofWireName(String wireName) {
        return "ON-REFUND".equals(wireName) ? ON_REFUND : valueOf(wireName);
    }

    public boolean canMoveTo(PaymentStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Statuses whose money was taken and may still be (partly) returned. */
    public static final Set<PaymentStatus> REFUNDABLE = EnumSet.of(APPROVED, REFUNDED_PARTIALLY);

    /** Statuses that count as paid in the payment registry. */
    public static final Set<PaymentStatus> SETTLED = EnumSet.of(APPROVED, REFUNDED_PARTIALLY, REFUNDED, WAIT_FULL_PAYMENT);
}
