package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code AcquiringGetPaymentOperationListItemModel}: one operation in a list or info response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentOperation(
        String customerCode,
        @Nullable TaxSystemCode taxSystemCode,
        @Nullable PaymentType paymentType,
        @Nullable String paymentId,
        @Nullable String transactionId,
        String createdAt,
        @Nullable List<AcquiringPaymentMode> paymentMode,
        @Nullable String redirectUrl,
        @Nullable String failRedirectUrl,
        @JsonProperty("Client") @Nullable ReceiptClient client,
        @JsonProperty("Items") @Nullable List<ReceiptItem> items,
        @Nullable String purpose,
        BigDecimal amount,
        AcquiringPaymentStatus status,
        String operationId,
        String paymentLink,
        @Nullable String merchantId,
        @Nullable String consumerId,
        @JsonProperty("Order") List<PaymentOrder> order,
        @JsonProperty("Supplier") @Nullable Supplier supplier,
        @Nullable Boolean preAuthorization,
        @Nullable String paidAt,
        @Nullable String paymentLinkId) {}
