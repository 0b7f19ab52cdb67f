package tochka.acquiring.server.consents;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ConsentStatus;
import tochka.acquiring.api.Permission;

/** A consent: the list of permissions an application (a key's client_id) holds or asked for. */
public record ConsentRecord(
        String consentId,
        String clientId,
        @Nullable String customerCode,
        Set<Permission> permissions,
        ConsentStatus status,
        Instant createdAt,
        Instant statusUpdatedAt,
        @Nullable Instant expiresAt) {

    public ConsentRecord {
        permissions = Set.copyOf(permissions);
    }

    public boolean isValid(Instant now) {
        return status == ConsentStatus.Authorised && (expiresAt == null || now.isBefore(expiresAt));
    }
}
