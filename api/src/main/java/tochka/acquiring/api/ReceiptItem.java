package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code ReceiptItemModel}: {@code amount} is the unit price in roubles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptItem(
        VatType vatType,
        String name,
        BigDecimal amount,
        BigDecimal quantity,
        PaymentMethod paymentMethod,
        PaymentObject paymentObject,
        Measure measure,
        @JsonProperty("Supplier") Supplier supplier) {}
