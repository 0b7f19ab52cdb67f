package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code ExternalAcquiringPaymentTypeEnum}: how a paid operation was paid. */
public enum PaymentType {
    @JsonProperty("sbp")
    SBP,
    @JsonProperty("card")
    CARD,
    @JsonProperty("tinkoff")
    TINKOFF,
    @JsonProperty("dolyame")
    DOLYAME
}
