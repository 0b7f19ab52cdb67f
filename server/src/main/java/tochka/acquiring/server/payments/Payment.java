package tochka.acquiring.server.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;

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

    public Instant expiresAt() {
        return createdAt.plus(Duration.ofMinutes(ttlMinutes));
    }

    /** The status a reader sees at {@code now}: an unpaid link past its ttl is EXPIRED even before the sweeper runs. */
    public PaymentStatus status(Instant now) {
        return storedStatus == PaymentStatus.CREATED && !now.isBefore(expiresAt()) ? PaymentStatus.EXPIRED : storedStatus;
    }

    /** What is left to refund. */
    public Money refundable() {
        return amount.minus(refunded);
    }
}
