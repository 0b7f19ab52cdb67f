package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code ExternalAcquiringPaymentTypeEnum}: how a paid operation was paid. */
public enum PaymentType {
    SBP("sbp"),
    CARD("card"),
    TINKOFF("tinkoff"),
    DOLYAME("dolyame");

    private final String value;

    PaymentType(String value) {
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
    public static PaymentType ofValue(String value) {
        for (PaymentType constant : values()) {
            if (constant.value.equals(value)) return constant;
        }
        throw new IllegalArgumentException("not a PaymentType value: " + value);
    }
}
