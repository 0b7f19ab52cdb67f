package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** {@code ReceiptItemModel}: {@code amount} is the unit price in roubles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptItem(
        @Nullable VatType vatType,
        String name,
        BigDecimal amount,
        BigDecimal quantity,
        @Nullable PaymentMethod paymentMethod,
        @Nullable PaymentObject paymentObject,
        @Nullable Measure measure,
        @JsonProperty("Supplier") @Nullable Supplier supplier) {}
