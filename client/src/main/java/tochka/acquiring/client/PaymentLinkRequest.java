package tochka.acquiring.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.CreatePaymentRequest;

/**
 * A payment link to create ({@code POST /acquiring/v1.0/payments}): how much, for what, and how the buyer may pay.
 * Build one with {@link #builder()}; the amount is exact roubles and kopecks, never rounded.
 *
 * <pre>{@code
 * PaymentLinkRequest.builder()
 *         .amount("1500.00")
 *         .purpose("Order 42")
 *         .paymentModes(AcquiringPaymentMode.CARD, AcquiringPaymentMode.SBP)
 *         .redirectUrl("https://shop.example/paid")
 *         .build();
 * }</pre>
 */
public final class PaymentLinkRequest {

    /** The longest {@code paymentLinkId} the bank takes. */
    public static final int MAX_PAYMENT_LINK_ID = 45;

    private final @Nullable String customerCode;
    private final BigDecimal amount;
    private final String purpose;
    private final List<AcquiringPaymentMode> paymentModes;
    private final @Nullable String redirectUrl;
    private final @Nullable String failRedirectUrl;
    private final @Nullable Boolean saveCard;
    private final @Nullable String consumerId;
    private final @Nullable String merchantId;
    private final @Nullable Boolean preAuthorization;
    private final @Nullable Integer ttlMinutes;
    private final @Nullable String paymentLinkId;

    private PaymentLinkRequest(Builder builder) {
        this.customerCode = builder.customerCode;
        this.amount = Objects.requireNonNull(builder.amount, "amount is required");
        this.purpose = Objects.requireNonNull(builder.purpose, "purpose is required");
        if (builder.paymentModes.isEmpty()) {
            throw new IllegalArgumentException("paymentModes: name at least one way to pay, e.g. CARD or SBP");
        }
        this.paymentModes = List.copyOf(builder.paymentModes);
        this.redirectUrl = builder.redirectUrl;
        this.failRedirectUrl = builder.failRedirectUrl;
        this.saveCard = builder.saveCard;
        this.consumerId = builder.consumerId;
        this.merchantId = builder.merchantId;
        this.preAuthorization = builder.preAuthorization;
        this.ttlMinutes = builder.ttlMinutes;
        this.paymentLinkId = builder.paymentLinkId;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The company the link is for, or null for the client's own {@code customerCode}. */
    public @Nullable String customerCode() {
        return customerCode;
    }

    /** The amount in roubles, at most two decimal places. */
    public BigDecimal amount() {
        return amount;
    }

    /** The purpose the buyer sees. */
    public String purpose() {
        return purpose;
    }

    /** The merchant's own id of this link, or null to let the client choose one. */
    public @Nullable String paymentLinkId() {
        return paymentLinkId;
    }

    /** The request on the wire, for {@code customerCode} and {@code paymentLinkId}. */
    CreatePaymentRequest toWire(String customerCode, String paymentLinkId, @Nullable Receipt receipt) {
        return new CreatePaymentRequest(
                customerCode,
                amount,
                purpose,
                redirectUrl,
                failRedirectUrl,
                paymentModes,
                saveCard,
                consumerId,
                merchantId,
                preAuthorization,
                ttlMinutes,
                paymentLinkId,
                receipt == null ? null : receipt.taxSystemCode(),
                receipt == null ? null : receipt.client(),
                receipt == null ? null : receipt.items(),
                receipt == null ? null : receipt.supplier());
    }

    /** Builds a {@link PaymentLinkRequest}; each setter checks its value at once. */
    public static final class Builder {
        private @Nullable String customerCode;
        private @Nullable BigDecimal amount;
        private @Nullable String purpose;
        private final List<AcquiringPaymentMode> paymentModes = new ArrayList<>();
        private @Nullable String redirectUrl;
        private @Nullable String failRedirectUrl;
        private @Nullable Boolean saveCard;
        private @Nullable String consumerId;
        private @Nullable String merchantId;
        private @Nullable Boolean preAuthorization;
        private @Nullable Integer ttlMinutes;
        private @Nullable String paymentLinkId;

        private Builder() {}

        /** The company the link is for; leave unset to use the client's {@code customerCode}. */
        public Builder customerCode(String customerCode) {
            this.customerCode = Objects.requireNonNull(customerCode, "customerCode");
            return this;
        }

        /**
         * The amount in roubles: positive, with at most two decimal places (kopecks).
         *
         * @throws IllegalArgumentException for zero, a negative amount or a fraction of a kopeck: nothing is rounded
         */
        public Builder amount(BigDecimal amount) {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() <= 0) throw new IllegalArgumentException("amount must be positive: " + amount);
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("amount has a fraction of a kopeck: " + amount.toPlainString());
            }
            if (amount.precision() - amount.scale() > 15) {
                throw new IllegalArgumentException("amount is too large: " + amount.toPlainString());
            }
            this.amount = amount.setScale(2);
            return this;
        }

        /** The amount in roubles, written as {@code "1500.00"} or {@code "1500"}; see {@link #amount(BigDecimal)}. */
        public Builder amount(String roubles) {
            Objects.requireNonNull(roubles, "roubles");
            if (roubles.length() > 40) throw new IllegalArgumentException("amount is too long: " + roubles.length());
            try {
                return amount(new BigDecimal(roubles));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("amount is not a number of roubles: " + roubles, e);
            }
        }

        /** What the buyer pays for; the bank shows it on the payment page. */
        public Builder purpose(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** The ways the buyer may pay (the bank's {@code paymentMode}); at least one. */
        public Builder paymentModes(AcquiringPaymentMode... modes) {
            return paymentModes(Arrays.asList(modes));
        }

        /** The ways the buyer may pay (the bank's {@code paymentMode}); at least one. */
        public Builder paymentModes(List<AcquiringPaymentMode> modes) {
            paymentModes.clear();
            for (AcquiringPaymentMode mode : modes) paymentModes.add(Objects.requireNonNull(mode, "a payment mode"));
            return this;
        }

        /** Where the buyer goes after paying. */
        public Builder redirectUrl(String redirectUrl) {
            this.redirectUrl = Objects.requireNonNull(redirectUrl, "redirectUrl");
            return this;
        }

        /** Where the buyer goes after a failed payment. */
        public Builder failRedirectUrl(String failRedirectUrl) {
            this.failRedirectUrl = Objects.requireNonNull(failRedirectUrl, "failRedirectUrl");
            return this;
        }

        /** Whether the buyer's card is saved for later payments ({@code consumerId} names the buyer). */
        public Builder saveCard(boolean saveCard) {
            this.saveCard = saveCard;
            return this;
        }

        /** The merchant's id of the buyer. */
        public Builder consumerId(String consumerId) {
            this.consumerId = Objects.requireNonNull(consumerId, "consumerId");
            return this;
        }

        /** The retail point ({@code merchantId}, 15 digits) when the company has several. */
        public Builder merchantId(String merchantId) {
            this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
            return this;
        }

        /** Two-stage: the card is only authorized, and the money is taken at {@code capture}. */
        public Builder preAuthorization(boolean preAuthorization) {
            this.preAuthorization = preAuthorization;
            return this;
        }

        /** How long the link can be paid, in minutes (the bank allows 1 to 44640; default 10080, a week). */
        public Builder ttlMinutes(int ttlMinutes) {
            if (ttlMinutes < 1) throw new IllegalArgumentException("ttlMinutes must be positive: " + ttlMinutes);
            this.ttlMinutes = ttlMinutes;
            return this;
        }

        /**
         * The merchant's own id of this link, unique within the company (e.g. the order number), at most 45
         * characters. Unset, the client makes one up, so that a create whose answer was lost can be looked up.
         */
        public Builder paymentLinkId(String paymentLinkId) {
            Objects.requireNonNull(paymentLinkId, "paymentLinkId");
            if (paymentLinkId.isEmpty() || paymentLinkId.length() > MAX_PAYMENT_LINK_ID) {
                throw new IllegalArgumentException(
                        "paymentLinkId must have 1 to 45 characters: " + paymentLinkId.length());
            }
            this.paymentLinkId = paymentLinkId;
            return this;
        }

        /**
         * The request.
         *
         * @throws NullPointerException when the amount or the purpose is missing
         * @throws IllegalArgumentException when no payment mode is named
         */
        public PaymentLinkRequest build() {
            return new PaymentLinkRequest(this);
        }
    }
}
