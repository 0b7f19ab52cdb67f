package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code AcquiringPaymentMode}: how a buyer may pay a link. */
public enum AcquiringPaymentMode {
    @JsonProperty("sbp")
    SBP,
    @JsonProperty("card")
    CARD,
    @JsonProperty("tinkoff")
    TINKOFF,
    @JsonProperty("dolyame")
    DOLYAME
}
