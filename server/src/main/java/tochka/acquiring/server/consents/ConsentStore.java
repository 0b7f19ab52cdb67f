package tochka.acquiring.server.consents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tochka.acquiring.api.ConsentStatus;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Columns;

/** Consents, each owned by one key's {@code client_id}. */
final class ConsentStore {

    private final Handle handle;

    ConsentStore(Handle handle) {
        this.handle = handle;
    }

    void insert(ConsentRecord consent) {
        handle.createUpdate("""
                        INSERT INTO consent (consent_id, client_id, customer_code, permissions, status, created_at,
                            status_updated_at, expires_at)
                        VALUES (:id, :clientId, :code, :permissions, :status, :createdAt, :updatedAt, :expiresAt)
                        """)
                .bind("id", consent.consentId())
                .bind("clientId", consent.clientId())
                .bind("code", consent.customerCode())
                .bind("permissions", Columns.join(consent.permissions().stream().sorted().toList(), Permission::name))
                .bind("status", consent.status().name())
                .bind("createdAt", consent.createdAt().toEpochMilli())
                .bind("updatedAt", consent.statusUpdatedAt().toEpochMilli())
                .bind("expiresAt", Columns.toMillis(consent.expiresAt()))
                .execute();
    }

    List<ConsentRecord> ofClient(String clientId) {
        return handle.createQuery("SELECT * FROM consent WHERE client_id = :clientId ORDER BY created_at, consent_id")
                .bind("clientId", clientId)
                .map((rs, ctx) -> consent(rs))
                .list();
    }

    Optional<ConsentRecord> find(String consentId, String clientId) {
        return handle.createQuery("SELECT * FROM consent WHERE consent_id = :id AND client_id = :clientId")
                .bind("id", consentId)
                .bind("clientId", clientId)
                .map((rs, ctx) -> consent(rs))
                .findOne();
    }

    private static ConsentRecord consent(ResultSet rs) throws SQLException {
        return new ConsentRecord(
                rs.getString("consent_id"),
                rs.getString("client_id"),
                rs.getString("customer_code"),
                Set.copyOf(Columns.split(rs.getString("permissions"), Permission::valueOf)),
                ConsentStatus.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("status_updated_at")),
                Columns.instantOrNull(rs, "expires_at"));
    }
}
