package tochka.acquiring.server.keys;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Permission;

/**
 * A JWT key as the bank's "Integrations and API" console issues it: a {@code clientId}, the companies it may act
 * for, its permissions, an optional expiry and a revoked flag. The token itself is never stored: it is re-derived
 * from these fields and the server's signing key.
 */
public record ApiKey(
        String clientId,
        String keyId,
        String name,
        Set<Permission> permissions,
        Set<String> customerCodes,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {

    public ApiKey {
        permissions = Set.copyOf(permissions);
        customerCodes = Set.copyOf(customerCodes);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
