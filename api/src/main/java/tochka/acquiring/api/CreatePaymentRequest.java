package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

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
        String redirectUrl,
        String failRedirectUrl,
        List<AcquiringPaymentMode> paymentMode,
        Boolean saveCard,
        String consumerId,
        String merchantId,
        Boolean preAuthorization,
        Integer ttl,
        String paymentLinkId,
        TaxSystemCode taxSystemCode,
        @JsonProperty("Client") ReceiptClient client,
        @JsonProperty("Items") List<ReceiptItem> items,
        @JsonProperty("Supplier") Supplier supplier) {}
