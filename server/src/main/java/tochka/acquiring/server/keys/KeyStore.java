package tochka.acquiring.server.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Columns;

/** JWT keys (never their tokens) and the server's signing key. */
final class KeyStore {

    private final Handle handle;

    /** A key row with the companies it may act for, which live in a table of their own. */
    private final RowViewMapper<ApiKey> apiKey = row -> {
        String clientId = row.getColumn("client_id", String.class);
        return new ApiKey(
                clientId,
                row.getColumn("key_id", String.class),
                row.getColumn("name", String.class),
                Set.copyOf(Columns.split(row.getColumn("permissions", String.class), Permission::valueOf)),
                companies(clientId),
                row.getColumn("created_at", Instant.class),
                row.getColumn("expires_at", Instant.class),
                row.getColumn("revoked_at", Instant.class));
    };

    KeyStore(Handle handle) {
        this.handle = handle;
    }

    public void insert(ApiKey key, boolean demo) {
        handle.createUpdate("""
                        INSERT INTO api_key (client_id, key_id, name, permissions, created_at, expires_at, revoked_at,
                            demo)
                        VALUES (:clientId, :keyId, :name, :permissions, :createdAt, :expiresAt, NULL, :demo)
                        """)
                .bind("clientId", key.clientId())
                .bind("keyId", key.keyId())
                .bind("name", key.name())
                .bind(
                        "permissions",
                        Columns.join(key.permissions().stream().sorted().toList(), Permission::name))
                .bind("createdAt", key.createdAt())
                .bindByType("expiresAt", key.expiresAt(), Instant.class)
                .bind("demo", demo)
                .execute();
        for (String code : key.customerCodes()) {
            handle.createUpdate("INSERT INTO api_key_company (client_id, customer_code) VALUES (:clientId, :code)")
                    .bind("clientId", key.clientId())
                    .bind("code", code)
                    .execute();
        }
    }

    public Optional<ApiKey> find(String clientId) {
        return handle.createQuery("SELECT * FROM api_key WHERE client_id = :clientId")
                .bind("clientId", clientId)
                .map(apiKey)
                .findOne();
    }

    public List<ApiKey> all() {
        return handle.createQuery("SELECT * FROM api_key ORDER BY created_at, client_id")
                .map(apiKey)
                .list();
    }

    public Optional<ApiKey> demoKey() {
        return handle.createQuery("SELECT * FROM api_key WHERE demo = TRUE AND revoked_at IS NULL ORDER BY created_at")
                .map(apiKey)
                .findFirst();
    }

    public boolean revoke(String clientId, Instant now) {
        return handle.createUpdate(
                                "UPDATE api_key SET revoked_at = :now WHERE client_id = :clientId AND revoked_at IS NULL")
                        .bind("clientId", clientId)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    public Optional<String> signingKey() {
        return handle.createQuery("SELECT private_jwk FROM signing_key ORDER BY created_at, kid")
                .mapTo(String.class)
                .findFirst();
    }

    public void insertSigningKey(String kid, String privateJwk, Instant now) {
        handle.createUpdate("INSERT INTO signing_key (kid, private_jwk, created_at) VALUES (:kid, :jwk, :createdAt)")
                .bind("kid", kid)
                .bind("jwk", privateJwk)
                .bind("createdAt", now)
                .execute();
    }

    private Set<String> companies(String clientId) {
        return handle.createQuery("SELECT customer_code FROM api_key_company WHERE client_id = :id")
                .bind("id", clientId)
                .mapTo(String.class)
                .set();
    }
}
