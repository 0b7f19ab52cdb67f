package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PaymentMethod} of a receipt item. */
public enum PaymentMethod {
    @JsonProperty("full_payment")
    FULL_PAYMENT,
    @JsonProperty("full_prepayment")
    FULL_PREPAYMENT
}
