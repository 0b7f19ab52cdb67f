package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The claims of an {@code incomingSbpPayment} webhook, as the bank's example: {@code merchantId} is the 12-character
 * SBP merchant id ({@code MF...}), not the 15-digit acquiring one; {@code operationId} is the SBP operation's id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "operationId",
    "qrcId",
    "amount",
    "payerMobileNumber",
    "payerName",
    "brandName",
    "merchantId",
    "purpose",
    "webhookType",
    "customerCode",
    "refTransactionId"
})
public record IncomingSbpPaymentEvent(
        String operationId,
        String qrcId,
        String amount,
        String payerMobileNumber,
        String payerName,
        String brandName,
        String merchantId,
        String purpose,
        String webhookType,
        String customerCode,
        String refTransactionId) {}
