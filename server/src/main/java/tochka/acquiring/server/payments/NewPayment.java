package tochka.acquiring.server.payments;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;

/** A validated request to create a payment link; {@code null} fields take the bank's defaults. */
public record NewPayment(
        String customerCode,
        @Nullable String merchantId,
        Money amount,
        String purpose,
        List<PaymentMode> modes,
        @Nullable String redirectUrl,
        @Nullable String failRedirectUrl,
        boolean saveCard,
        @Nullable String consumerId,
        boolean preAuthorization,
        int ttlMinutes,
        @Nullable String paymentLinkId,
        @Nullable Receipt receipt) {

    /** The bank's default link lifetime: 7 days. */
    public static final int DEFAULT_TTL_MINUTES = 10080;

    public NewPayment {
        modes = List.copyOf(modes);
    }
}
