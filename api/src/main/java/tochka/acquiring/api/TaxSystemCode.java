package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code TaxSystemCodeOutput}; {@code envd} is output only (the input enum lacks it). */
public enum TaxSystemCode {
    @JsonProperty("osn")
    OSN,
    @JsonProperty("usn_income")
    USN_INCOME,
    @JsonProperty("usn_income_outcome")
    USN_INCOME_OUTCOME,
    @JsonProperty("esn")
    ESN,
    @JsonProperty("patent")
    PATENT,
    @JsonProperty("envd")
    ENVD
}
