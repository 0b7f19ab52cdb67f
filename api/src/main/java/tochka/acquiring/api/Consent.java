package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code ConsentResponseModel}; {@code isValid} is left out where the spec's {@code ConsentModel} has none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consent(
        @Nullable ConsentStatus status,
        @Nullable String creationDateTime,
        @Nullable String statusUpdateDateTime,
        List<Permission> permissions,
        @Nullable String expirationDateTime,
        String consentId,
        @Nullable String customerCode,
        @Nullable String applicationName,
        @Nullable String clientId,
        @Nullable Boolean isValid) {}
