package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code VatTypeHistorical}; {@code vat20} and {@code vat120} are output only (the input enum lacks them). */
public enum VatType {
    @JsonProperty("none")
    NONE,
    @JsonProperty("vat0")
    VAT0,
    @JsonProperty("vat5")
    VAT5,
    @JsonProperty("vat7")
    VAT7,
    @JsonProperty("vat10")
    VAT10,
    @JsonProperty("vat20")
    VAT20,
    @JsonProperty("vat22")
    VAT22,
    @JsonProperty("vat105")
    VAT105,
    @JsonProperty("vat107")
    VAT107,
    @JsonProperty("vat110")
    VAT110,
    @JsonProperty("vat120")
    VAT120,
    @JsonProperty("vat122")
    VAT122
}
