package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code ConsentListModel}. */
public record ConsentList(@JsonProperty("Consent") List<Consent> consents) {}
