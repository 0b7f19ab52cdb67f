package tochka.acquiring.server.payments;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a payment link, as the bank documents it. One-stage: CREATED -> APPROVED. Two-stage (card only):
 * CREATED -> AUTHORIZED -> (capture) -> APPROVED. Refunds move a paid link to REFUNDED_PARTIALLY and REFUNDED.
 * An unpaid link becomes EXPIRED when its ttl runs out. There is no "declined" status: a declined attempt leaves the
 * link CREATED, so the buyer may try again.
 *
 * <p>ON_REFUND and WAIT_FULL_PAYMENT exist on the wire; this server refunds at once and has no split payments, so
 * it never enters them.
 *
 * <p>{@link Move} is the one table of what may follow what: the store's guarded statements take their
 * {@code WHERE status IN (...)} from it, and the expiry rule ({@link Move#EXPIRE}) is read from it both by
 * {@link Payment#status} and by the store's SQL, so neither can drift from the table.
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

    /**
     * The moves a payment makes, each from some statuses to some. A table by move rather than by target status,
     * because a target alone does not say where from: APPROVED follows CREATED when the buyer pays but AUTHORIZED
     * when a hold is captured, and paying an AUTHORIZED link again must stay impossible.
     */
    public enum Move {
        /** The buyer pays an unexpired link: APPROVED, or AUTHORIZED for a card on a two-stage link. */
        PAY(EnumSet.of(CREATED), EnumSet.of(APPROVED, AUTHORIZED)),
        /** A two-stage payment's hold is taken in full. */
        CAPTURE(EnumSet.of(AUTHORIZED), EnumSet.of(APPROVED)),
        /** Money goes back: REFUNDED once all of it has, REFUNDED_PARTIALLY before. */
        REFUND(EnumSet.of(APPROVED, REFUNDED_PARTIALLY), EnumSet.of(REFUNDED_PARTIALLY, REFUNDED)),
        /** An unpaid link's ttl ran out (at {@code expiresAt} itself, not after it). */
        EXPIRE(EnumSet.of(CREATED), EnumSet.of(EXPIRED));

        private final Set<PaymentStatus> from;
        private final Set<PaymentStatus> to;

        Move(Set<PaymentStatus> from, Set<PaymentStatus> to) {
            this.from = Collections.unmodifiableSet(from);
            this.to = Collections.unmodifiableSet(to);
        }

        /** The statuses this move starts from: the guard of its statement. */
        public Set<PaymentStatus> from() {
            return from;
        }

        /** The statuses this move may end in. */
        public Set<PaymentStatus> to() {
            return to;
        }

        /** Whether this move may take a payment from {@code status} to {@code next}. */
        public boolean allows(PaymentStatus status, PaymentStatus next) {
            return from.contains(status) && to.contains(next);
        }
    }

    /** Whether any move takes a payment from this status to {@code next}. */
    public boolean canMoveTo(PaymentStatus next) {
        return Arrays.stream(Move.values()).anyMatch(move -> move.allows(this, next));
    }

    /**
     * This stored status as it reads at {@code now}: an unpaid link reads EXPIRED from {@code expiresAt} on, before
     * the sweeper writes it (the one spelling of the rule in Java; SQL reads it from {@link Move#EXPIRE} too).
     */
    public PaymentStatus at(Instant expiresAt, Instant now) {
        return Move.EXPIRE.from().contains(this) && !now.isBefore(expiresAt) ? EXPIRED : this;
    }

    /** How the schema spells this status (its CHECK constraint lists them): the bank's spelling, {@code ON-REFUND}. */
    public String column() {
        return this == ON_REFUND ? "ON-REFUND" : name();
    }

    /** The status a column holds; see {@link #column()}. */
    public static PaymentStatus ofColumn(String column) {
        return "ON-REFUND".equals(column) ? ON_REFUND : valueOf(column);
    }

    /** Statuses whose money was taken and may still be (partly) returned: where a refund starts. */
    public static Set<PaymentStatus> refundable() {
        return Move.REFUND.from();
    }

    /** Statuses that count as paid in the payment registry. */
    public static final Set<PaymentStatus> SETTLED =
            EnumSet.of(APPROVED, REFUNDED_PARTIALLY, REFUNDED, WAIT_FULL_PAYMENT);
}
