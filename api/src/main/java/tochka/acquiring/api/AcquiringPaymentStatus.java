package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code AcquiringPaymentStatus}; note the hyphen in {@code ON-REFUND} and the underscores elsewhere. */
public enum AcquiringPaymentStatus {
    CREATED,
    APPROVED,
    @JsonProperty("ON-REFUND")
    ON_REFUND,
    REFUNDED,
    EXPIRED,
    REFUNDED_PARTIALLY,
    AUTHORIZED,
    WAIT_FULL_PAYMENT
}
