package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code OrderType}: the kind of an entry of {@code Order[]}. */
public enum OrderType {
    REFUND("refund"),
    APPROVAL("approval"),
    AUTHORIZED("authorized");

    private final String value;

    OrderType(String value) {
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
    public static OrderType ofValue(String value) {
        for (OrderType constant : values()) {
            if (constant.value.equals(value)) return constant;
        }
        throw new IllegalArgumentException("not a OrderType value: " + value);
    }
}
