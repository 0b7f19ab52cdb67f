package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** {@code AcquiringGetPaymentOperationListItemModel}: one operation in a list or info response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentOperation(
        String customerCode,
        TaxSystemCode taxSystemCode,
        PaymentType paymentType,
        String paymentId,
        String transactionId,
        String createdAt,
        List<AcquiringPaymentMode> paymentMode,
        String redirectUrl,
        String failRedirectUrl,
        @JsonProperty("Client") ReceiptClient client,
        @JsonProperty("Items") List<ReceiptItem> items,
        String purpose,
        BigDecimal amount,
        AcquiringPaymentStatus status,
        String operationId,
        String paymentLink,
        String merchantId,
        String consumerId,
        @JsonProperty("Order") List<PaymentOrder> order,
        @JsonProperty("Supplier") Supplier supplier,
        Boolean preAuthorization,
        String paidAt,
        String paymentLinkId) {}
