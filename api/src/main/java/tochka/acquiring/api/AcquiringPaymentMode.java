package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code AcquiringPaymentMode}: how a buyer may pay a link. */
public enum AcquiringPaymentMode {
    SBP("sbp"),
    CARD("card"),
    TINKOFF("tinkoff"),
    DOLYAME("dolyame");

    private final String value;

    AcquiringPaymentMode(String value) {
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
    public static AcquiringPaymentMode ofValue(String value) {
        for (AcquiringPaymentMode constant : values()) {
            if (constant.value.equals(value)) return constant;
        }
        throw new IllegalArgumentException("not a AcquiringPaymentMode value: " + value);
    }
}
