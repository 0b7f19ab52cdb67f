package tochka.acquiring.client.webhook;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentType;

/**
 * A verified {@code acquiringInternetPayment} webhook: a payment link was paid (APPROVED) or, with two-stage
 * payment, authorized (AUTHORIZED). The claims of {@link tochka.acquiring.api.AcquiringInternetPaymentEvent}, with
 * the amount as exact roubles. Card payments carry {@code consumerId}; SBP payments {@code transactionId},
 * {@code qrcId} and {@code payerName}.
 *
 * <p>The payment type and status are kept as the bank spelled them ({@link #paymentTypeValue()},
 * {@link #statusValue()}), so that a value the bank adds later does not break parsing; {@link #paymentType()} and
 * {@link #status()} are null for such a value.
 *
 * <p>For a merchant's tests, {@link #approved}, {@link #authorized} and {@link #builder()} make events that
 * {@link WebhookSigner} signs.
 */
public record PaymentEvent(
        String customerCode,
        BigDecimal amount,
        String paymentTypeValue,
        String operationId,
        String purpose,
        String statusValue,
        String merchantId,
        @Nullable String consumerId,
        @Nullable String paymentLinkId,
        @Nullable String transactionId,
        @Nullable String qrcId,
        @Nullable String payerName,
        String claimsJson)
        implements WebhookEvent {

    /** An event with these claims; {@code claimsJson} is the payload they were read from. */
    public PaymentEvent {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentTypeValue, "paymentTypeValue");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(statusValue, "statusValue");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(claimsJson, "claimsJson");
    }

    /** An APPROVED card payment of {@code amount} roubles for the operation {@code operationId}, for tests. */
    public static PaymentEvent approved(String operationId, BigDecimal amount) {
        return builder().operationId(operationId).amount(amount).build();
    }

    /** An AUTHORIZED (two-stage, not yet captured) card payment, for tests. */
    public static PaymentEvent authorized(String operationId, BigDecimal amount) {
        return builder()
                .operationId(operationId)
                .amount(amount)
                .status(AcquiringPaymentStatus.AUTHORIZED)
                .build();
    }

    /**
     * A builder of events for tests, preset like the bank's example: an APPROVED card payment of customer
     * {@code 300123123}, merchant {@code 200000000001234}, a random operationId; only the amount must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Always {@code acquiringInternetPayment}. */
    @Override
    public String webhookType() {
        return Claims.PAYMENT;
    }

    /** How the payment was paid, or null when the bank sent a value this SDK does not know (see the raw value). */
    public @Nullable PaymentType paymentType() {
        for (PaymentType type : PaymentType.values()) {
            if (type.value().equals(paymentTypeValue)) return type;
        }
        return null;
    }

    /** The payment's status, or null when the bank sent a value this SDK does not know (see the raw value). */
    public @Nullable AcquiringPaymentStatus status() {
        for (AcquiringPaymentStatus status : AcquiringPaymentStatus.values()) {
            if (status.value().equals(statusValue)) return status;
        }
        return null;
    }

    /** Whether the money was taken: the order is paid. */
    public boolean isApproved() {
        return AcquiringPaymentStatus.APPROVED.value().equals(statusValue);
    }

    /** Whether the money is only held (two-stage payment): capture or reverse it. */
    public boolean isAuthorized() {
        return AcquiringPaymentStatus.AUTHORIZED.value().equals(statusValue);
    }

    /** A builder of {@link PaymentEvent}s for tests; its {@code claimsJson} is what the bank would send. */
    public static final class Builder {

        private String customerCode = "300123123";
        private @Nullable BigDecimal amount;
        private String paymentTypeValue = PaymentType.CARD.value();
        private String operationId = UUID.randomUUID().toString();
        private String purpose = "Оплата заказа";
        private String statusValue = AcquiringPaymentStatus.APPROVED.value();
        private String merchantId = "200000000001234";
        private @Nullable String consumerId;
        private @Nullable String paymentLinkId;
        private @Nullable String transactionId;
        private @Nullable String qrcId;
        private @Nullable String payerName;

        private Builder() {}

        /** The customer (company) the payment belongs to. */
        public Builder customerCode(String customerCode) {
            this.customerCode = Objects.requireNonNull(customerCode, "customerCode");
            return this;
        }

        /** The amount in roubles, e.g. {@code new BigDecimal("1234.50")}; required, not negative. */
        public Builder amount(BigDecimal amount) {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0) throw new IllegalArgumentException("amount must not be negative: " + amount);
            // 1E+2 is written 100: the bank never writes an exponent.
            this.amount = Amounts.check(amount.scale() < 0 ? amount.setScale(0) : amount);
            return this;
        }

        /** How it was paid (default card). */
        public Builder paymentType(PaymentType paymentType) {
            return paymentTypeValue(
                    Objects.requireNonNull(paymentType, "paymentType").value());
        }

        /** How it was paid, as the bank spells it: also a value this SDK does not know, to test that path. */
        public Builder paymentTypeValue(String paymentTypeValue) {
            this.paymentTypeValue = Objects.requireNonNull(paymentTypeValue, "paymentTypeValue");
            return this;
        }

        /** The payment's operationId (default a random UUID). */
        public Builder operationId(String operationId) {
            this.operationId = Objects.requireNonNull(operationId, "operationId");
            return this;
        }

        /** The payment's purpose. */
        public Builder purpose(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** The status (default APPROVED). */
        public Builder status(AcquiringPaymentStatus status) {
            return statusValue(Objects.requireNonNull(status, "status").value());
        }

        /** The status as the bank spells it: also a value this SDK does not know, to test that path. */
        public Builder statusValue(String statusValue) {
            this.statusValue = Objects.requireNonNull(statusValue, "statusValue");
            return this;
        }

        /** The 15-digit acquiring merchant id. */
        public Builder merchantId(String merchantId) {
            this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
            return this;
        }

        /** The card payer's id (card payments), or null. */
        public Builder consumerId(@Nullable String consumerId) {
            this.consumerId = consumerId;
            return this;
        }

        /** The merchant's own id of the payment link (typically the order id), or null. */
        public Builder paymentLinkId(@Nullable String paymentLinkId) {
            this.paymentLinkId = paymentLinkId;
            return this;
        }

        /** The SBP transaction id (SBP payments), or null. */
        public Builder transactionId(@Nullable String transactionId) {
            this.transactionId = transactionId;
            return this;
        }

        /** The SBP QR code id (SBP payments), or null. */
        public Builder qrcId(@Nullable String qrcId) {
            this.qrcId = qrcId;
            return this;
        }

        /** The SBP payer's name (SBP payments), or null. */
        public Builder payerName(@Nullable String payerName) {
            this.payerName = payerName;
            return this;
        }

        /**
         * The event, with the claims JSON the bank would send for it.
         *
         * @throws IllegalStateException when no amount was set
         */
        public PaymentEvent build() {
            if (amount == null) throw new IllegalStateException("a PaymentEvent needs an amount");
            PaymentEvent draft = new PaymentEvent(
                    customerCode,
                    amount,
                    paymentTypeValue,
                    operationId,
                    purpose,
                    statusValue,
                    merchantId,
                    consumerId,
                    paymentLinkId,
                    transactionId,
                    qrcId,
                    payerName,
                    "");
            return new PaymentEvent(
                    customerCode,
                    amount,
                    paymentTypeValue,
                    operationId,
                    purpose,
                    statusValue,
                    merchantId,
                    consumerId,
                    paymentLinkId,
                    transactionId,
                    qrcId,
                    payerName,
                    BankJson.payment(draft));
        }
    }
}
