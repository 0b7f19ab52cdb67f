package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code AcquiringPaymentStatus}; note the hyphen in {@code ON-REFUND} and the underscores elsewhere. */
public enum AcquiringPaymentStatus {
    CREATED("CREATED"),
    APPROVED("APPROVED"),
    ON_REFUND("ON-REFUND"),
    REFUNDED("REFUNDED"),
    EXPIRED("EXPIRED"),
    REFUNDED_PARTIALLY("REFUNDED_PARTIALLY"),
    AUTHORIZED("AUTHORIZED"),
    WAIT_FULL_PAYMENT("WAIT_FULL_PAYMENT");

    private final String value;

    AcquiringPaymentStatus(String value) {
        this.value = value;
    }

    /** The bank's spelling, as JSON carries it. */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * The constant the bank spells {@code value}.
     *
     * @throws IllegalArgumentException when no constant is spelled so
     */
    public static AcquiringPaymentStatus ofValue(String value) {
        for (AcquiringPaymentStatus constant : values()) {
            if (constant.value.equals(value)) return constant;
        }
        throw new IllegalArgumentException("not a AcquiringPaymentStatus value: " + value);
    }
}
