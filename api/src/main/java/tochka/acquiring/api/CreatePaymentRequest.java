package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Data} of {@code POST /acquiring/v1.0/payments} and, with {@code Client} and {@code Items}, of
 * {@code POST /acquiring/v1.0/payments_with_receipt}. Every field may be absent on the wire: the server names the
 * missing ones in its error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatePaymentRequest(
        String customerCode,
        BigDecimal amount,
        String purpose,
        @Nullable String redirectUrl,
        @Nullable String failRedirectUrl,
        List<AcquiringPaymentMode> paymentMode,
        @Nullable Boolean saveCard,
        @Nullable String consumerId,
        @Nullable String merchantId,
        @Nullable Boolean preAuthorization,
        @Nullable Integer ttl,
        @Nullable String paymentLinkId,
        @Nullable TaxSystemCode taxSystemCode,
        @JsonProperty("Client") @Nullable ReceiptClient client,
        @JsonProperty("Items") @Nullable List<ReceiptItem> items,
        @JsonProperty("Supplier") @Nullable Supplier supplier) {}
