package tochka.acquiring.server.directory;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.PaymentMode;

/**
 * A company's acquiring point of sale ("retailer"); links are created on one. Only a retailer in status REG and
 * active can take payments. {@code ratePercent} is the card commission.
 */
public record Retailer(
        String merchantId,
        String customerCode,
        String name,
        @Nullable String url,
        String mcc,
        BigDecimal ratePercent,
        @Nullable String terminalId,
        RetailerStatus status,
        boolean active,
        List<PaymentMode> modes,
        @Nullable String cashbox) {

    public Retailer {
        modes = List.copyOf(modes);
    }

    public boolean canTakePayments() {
        return active && status == RetailerStatus.REG;
    }
}
