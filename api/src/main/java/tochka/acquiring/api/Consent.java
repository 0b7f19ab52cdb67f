package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code ConsentResponseModel}; {@code isValid} is left out where the spec's {@code ConsentModel} has none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consent(
        ConsentStatus status,
        String creationDateTime,
        String statusUpdateDateTime,
        List<Permission> permissions,
        String expirationDateTime,
        String consentId,
        String customerCode,
        String applicationName,
        String clientId,
        Boolean isValid) {}
