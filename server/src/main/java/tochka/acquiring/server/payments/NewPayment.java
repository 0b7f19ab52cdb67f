package tochka.acquiring.server.payments;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.Retailer;

/**
 * A validated request to create a payment link; {@code null} fields take the bank's defaults. The amount is a
 * {@link LinkAmount} already: positive and at most the link maximum.
 */
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

    /**
     * The retailer of the company's {@code retailers} this link is made on: the one named by {@code merchantId},
     * or the only one when none is named. It must take payments and have every requested mode enabled.
     *
     * @throws Rejected when there is no such retailer, or it cannot take this link
     */
    public Retailer retailerAmong(List<Retailer> retailers) {
        Retailer retailer;
        if (merchantId != null) {
            retailer = retailers.stream()
                    .filter(candidate -> candidate.merchantId().equals(merchantId))
                    .findFirst()
                    .orElseThrow(() -> Rejected.invalid(
                            "merchantId", merchantId + " is not a retailer of customerCode " + customerCode));
        } else if (retailers.size() == 1) {
            retailer = retailers.get(0);
        } else if (retailers.isEmpty()) {
            throw Rejected.notAllowed("customerCode " + customerCode + " has no internet-acquiring retailer");
        } else {
            throw Rejected.invalid(
                    "merchantId",
                    "field required: customerCode " + customerCode + " has " + retailers.size() + " retailers");
        }
        if (!retailer.canTakePayments()) {
            throw Rejected.notAllowed("merchantId " + retailer.merchantId() + " cannot take payments: status "
                    + retailer.status() + (retailer.active() ? "" : ", inactive") + " (needs REG and active)");
        }
        for (PaymentMode mode : modes) {
            if (!retailer.modes().contains(mode)) {
                throw Rejected.invalid(
                        "paymentMode",
                        mode.code() + " is not enabled for merchantId "
                                + retailer.merchantId() + " (enabled: "
                                + retailer.modes().stream()
                                        .map(PaymentMode::code)
                                        .toList() + ")");
            }
        }
        return retailer;
    }

    /**
     * Checks the two-stage choice: only a card payment can be held and captured later.
     *
     * @throws Rejected when a preAuthorization link does not offer card
     */
    public void checkTwoStage() {
        if (preAuthorization && !modes.contains(PaymentMode.CARD)) {
            throw Rejected.invalid(
                    "preAuthorization",
                    "two-stage payment needs paymentMode card" + " (SBP, T-Pay and Dolyame are always one-stage)");
        }
    }

    /** The link this request makes, CREATED at {@code now} on {@code retailer}, without orders yet. */
    public Payment toPayment(
            String operationId, String retailerId, String linkId, String defaultConsumerId, Instant now) {
        return new Payment(
                operationId,
                customerCode,
                retailerId,
                linkId,
                amount,
                Money.ZERO,
                purpose,
                modes,
                redirectUrl,
                failRedirectUrl,
                saveCard,
                consumerId != null ? consumerId : defaultConsumerId,
                preAuthorization,
                ttlMinutes,
                receipt,
                PaymentStatus.CREATED,
                now,
                null,
                List.of());
    }
}
