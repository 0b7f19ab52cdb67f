package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PaymentObject} of a receipt item. */
public enum PaymentObject {
    @JsonProperty("goods")
    GOODS,
    @JsonProperty("service")
    SERVICE,
    @JsonProperty("work")
    WORK
}
