package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code AcquiringPaymentRegistryModel}. */
public record Registry(@JsonProperty("Registry") List<RegistryEntry> entries) {}
