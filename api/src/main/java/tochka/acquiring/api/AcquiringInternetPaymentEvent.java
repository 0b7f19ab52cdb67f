package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The claims of an {@code acquiringInternetPayment} webhook, in the order and with the types of the bank's examples:
 * every value is a string ({@code "amount": "0.33"}); card payments carry {@code consumerId}, SBP payments
 * {@code transactionId}, {@code qrcId} and {@code payerName}; {@code status} is AUTHORIZED or APPROVED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "customerCode",
    "amount",
    "paymentType",
    "operationId",
    "transactionId",
    "purpose",
    "qrcId",
    "payerName",
    "webhookType",
    "merchantId",
    "consumerId",
    "status",
    "paymentLinkId"
})
public record AcquiringInternetPaymentEvent(
        String customerCode,
        String amount,
        String paymentType,
        String operationId,
        @Nullable String transactionId,
        String purpose,
        @Nullable String qrcId,
        @Nullable String payerName,
        String webhookType,
        String merchantId,
        @Nullable String consumerId,
        String status,
        @Nullable String paymentLinkId) {}
