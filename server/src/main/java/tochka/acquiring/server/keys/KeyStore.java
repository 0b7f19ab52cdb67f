package tochka.acquiring.server.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Columns;

/** JWT keys (never their tokens) and the server's signing key. */
final class KeyStore {

    private final Handle handle;

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
                .bind("permissions", Columns.join(key.permissions().stream().sorted().toList(), Permission::name))
                .bind("createdAt", key.createdAt().toEpochMilli())
                .bind("expiresAt", Columns.toMillis(key.expiresAt()))
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
                .map((rs, ctx) -> key(rs, companies(rs.getString("client_id"))))
                .findOne();
    }

    public List<ApiKey> all() {
        return handle.createQuery("SELECT * FROM api_key ORDER BY created_at, client_id")
                .map((rs, ctx) -> key(rs, companies(rs.getString("client_id"))))
                .list();
    }

    public Optional<ApiKey> demoKey() {
        return handle.createQuery("SELECT * FROM api_key WHERE demo = TRUE AND revoked_at IS NULL ORDER BY created_at")
                .map((rs, ctx) -> key(rs, companies(rs.getString("client_id"))))
                .findFirst();
    }

    public boolean revoke(String clientId, Instant now) {
        return handle.createUpdate(
                        "UPDATE api_key SET revoked_at = :now WHERE client_id = :clientId AND revoked_at IS NULL")
                .bind("clientId", clientId)
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    public Optional<String> signingKey() {
        return handle.createQuery("SELECT private_jwk FROM signing_key ORDER BY created_at, kid")
                .mapTo(String.class)
                .findFirst();
    }

    public void insertSigningKey(String kid, String privateJwk, Instant now) {
        handle.createUpdate(
                        "INSERT INTO signing_key (kid, private_jwk, created_at) VALUES (:kid, :jwk, :createdAt)")
                .bind("kid", kid)
                .bind("jwk", privateJwk)
                .bind("createdAt", now.toEpochMilli())
                .execute();
    }

    private Set<String> companies(String clientId) {
        return new HashSet<>(handle.createQuery("SELECT customer_code FROM api_key_company WHERE client_id = :id")
                .bind("id", clientId)
                .mapTo(String.class)
                .list());
    }

    private static ApiKey key(ResultSet rs, Set<String> companies) throws SQLException {
        return new ApiKey(
                rs.getString("client_id"),
                rs.getString("key_id"),
                rs.getString("name"),
                Set.copyOf(Columns.split(rs.getString("permissions"), Permission::valueOf)),
                companies,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Columns.instantOrNull(rs, "expires_at"),
                Columns.instantOrNull(rs, "revoked_at"));
    }
}
