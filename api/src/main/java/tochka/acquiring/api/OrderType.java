package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code OrderType}: the kind of an entry of {@code Order[]}. */
public enum OrderType {
    @JsonProperty("refund")
    REFUND,
    @JsonProperty("approval")
    APPROVAL,
    @JsonProperty("authorized")
    AUTHORIZED
}
