package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Data} of a created payment link. Without a receipt the bank leaves out {@code customerCode},
 * {@code redirectUrl}, {@code failRedirectUrl} and the receipt fields; with one it returns them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedPayment(
        String purpose,
        @Nullable AcquiringPaymentStatus status,
        BigDecimal amount,
        String operationId,
        String paymentLink,
        @Nullable String consumerId,
        @Nullable String merchantId,
        @Nullable Boolean preAuthorization,
        @Nullable Integer ttl,
        @Nullable String paymentLinkId,
        List<AcquiringPaymentMode> paymentMode,
        @Nullable String customerCode,
        @Nullable String redirectUrl,
        @Nullable String failRedirectUrl,
        @Nullable TaxSystemCode taxSystemCode,
        @JsonProperty("Client") @Nullable ReceiptClient client,
        @JsonProperty("Items") @Nullable List<ReceiptItem> items,
        @JsonProperty("Supplier") @Nullable Supplier supplier) {}
