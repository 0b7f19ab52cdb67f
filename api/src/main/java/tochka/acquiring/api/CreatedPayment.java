package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code Data} of a created payment link. Without a receipt the bank leaves out {@code customerCode},
 * {@code redirectUrl}, {@code failRedirectUrl} and the receipt fields; with one it returns them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedPayment(
        String purpose,
        AcquiringPaymentStatus status,
        BigDecimal amount,
        String operationId,
        String paymentLink,
        String consumerId,
        String merchantId,
        Boolean preAuthorization,
        Integer ttl,
        String paymentLinkId,
        List<AcquiringPaymentMode> paymentMode,
        String customerCode,
        String redirectUrl,
        String failRedirectUrl,
        TaxSystemCode taxSystemCode,
        @JsonProperty("Client") ReceiptClient client,
        @JsonProperty("Items") List<ReceiptItem> items,
        @JsonProperty("Supplier") Supplier supplier) {}
