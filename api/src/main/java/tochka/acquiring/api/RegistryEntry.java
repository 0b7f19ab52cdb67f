package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code AcquiringPaymentRegistryItemModel}: the payments of one payment type on the registry's date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryEntry(
        PaymentType paymentType,
        BigDecimal totalAmount,
        @Nullable String paymentId,
        List<RegistryPayment> payments) {}
