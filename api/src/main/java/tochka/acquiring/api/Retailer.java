package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code AcquiringRetailerModel}: {@code rate} is the card commission in percent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Retailer(
        RetailerStatus status,
        boolean isActive,
        String mcc,
        BigDecimal rate,
        String name,
        @Nullable String url,
        @Nullable String merchantId,
        @Nullable String terminalId,
        List<AcquiringPaymentMode> paymentModes,
        @Nullable String cashbox) {}
