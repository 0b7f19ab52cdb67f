package tochka.acquiring.server.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;

/** A payment link (the bank's "payment operation") as stored, with its orders. */
public record Payment(
        String operationId,
        String customerCode,
        String merchantId,
        String paymentLinkId,
        Money amount,
        Money refunded,
        String purpose,
        List<PaymentMode> modes,
        @Nullable String redirectUrl,
        @Nullable String failRedirectUrl,
        boolean saveCard,
        String consumerId,
        boolean preAuthorization,
        int ttlMinutes,
        @Nullable Receipt receipt,
        PaymentStatus storedStatus,
        Instant createdAt,
        @Nullable Payer payer,
        List<PaymentOrder> orders) {

    public Payment {
        modes = List.copyOf(modes);
        orders = List.copyOf(orders);
    }

    /** This payment with {@code orders} as its money movements (read from their own table). */
    public Payment withOrders(List<PaymentOrder> orders) {
        return new Payment(
                operationId,
                customerCode,
                merchantId,
                paymentLinkId,
                amount,
                refunded,
                purpose,
                modes,
                redirectUrl,
                failRedirectUrl,
                saveCard,
                consumerId,
                preAuthorization,
                ttlMinutes,
                receipt,
                storedStatus,
                createdAt,
                payer,
                orders);
    }

    public Instant expiresAt() {
        return createdAt.plus(Duration.ofMinutes(ttlMinutes));
    }

    /**
     * The status a reader sees at {@code now}: a link {@link PaymentStatus.Move#EXPIRE} starts from, whose ttl has
     * run out, is EXPIRED even before the sweeper persists it. The store's lists filter by status in SQL (so that a
     * page and its count agree), and there the same rule is one expression built from the same move; this method
     * and that expression are the rule's only two spellings.
     */
    public PaymentStatus status(Instant now) {
        return storedStatus.at(expiresAt(), now);
    }

    /** What is left to refund. */
    public Money refundable() {
        return amount.minus(refunded);
    }

    /** Whether paying this link with {@code type} only holds the money (two-stage: card on a preAuthorization link). */
    public boolean holdsFirst(PaymentMode type) {
        return preAuthorization && type == PaymentMode.CARD;
    }

    /**
     * Checks that a buyer may pay this link with {@code type} at {@code now}: it is CREATED and not expired, and
     * offers that payment mode.
     *
     * @throws Rejected (not allowed) when the link cannot be paid any more, (invalid) when it does not take
     *     {@code type}
     */
    public void checkPayable(PaymentMode type, Instant now) {
        PaymentStatus status = status(now);
        if (!PaymentStatus.Move.PAY.from().contains(status)) {
            throw Rejected.notAllowed(
                    "operation " + operationId + " is " + status.name() + "; only a CREATED link can be paid");
        }
        if (!modes.contains(type)) {
            throw Rejected.invalid(
                    "paymentType",
                    type.code() + " is not among the link's paymentMode "
                            + modes.stream().map(PaymentMode::code).toList());
        }
    }
}
