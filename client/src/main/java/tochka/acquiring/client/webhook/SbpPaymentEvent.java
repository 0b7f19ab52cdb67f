package tochka.acquiring.client.webhook;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A verified {@code incomingSbpPayment} webhook: money received by an SBP QR code (the claims of
 * {@link tochka.acquiring.api.IncomingSbpPaymentEvent}, the amount exact). {@code merchantId} is the 12-character SBP
 * merchant id ({@code MF...}), not the acquiring one.
 */
public record SbpPaymentEvent(
        String operationId,
        String qrcId,
        BigDecimal amount,
        @Nullable String payerMobileNumber,
        @Nullable String payerName,
        @Nullable String brandName,
        String merchantId,
        @Nullable String purpose,
        String customerCode,
        @Nullable String refTransactionId,
        String claimsJson)
        implements WebhookEvent {

    /** An event with these claims; {@code claimsJson} is the payload they were read from. */
    public SbpPaymentEvent {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(qrcId, "qrcId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(claimsJson, "claimsJson");
    }

    /** Always {@code incomingSbpPayment}. */
    @Override
    public String webhookType() {
        return Claims.SBP_PAYMENT;
    }
}
