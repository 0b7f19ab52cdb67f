package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** {@code AcquiringRetailerModel}: {@code rate} is the card commission in percent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Retailer(
        RetailerStatus status,
        boolean isActive,
        String mcc,
        BigDecimal rate,
        String name,
        String url,
        String merchantId,
        String terminalId,
        List<AcquiringPaymentMode> paymentModes,
        String cashbox) {}
