package tochka.acquiring.server.consents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import tochka.acquiring.api.ConsentStatus;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Columns;

/** Consents, each owned by one key's {@code client_id}. */
final class ConsentStore {

    private static final RowViewMapper<ConsentRecord> CONSENT = row -> new ConsentRecord(
            row.getColumn("consent_id", String.class),
            row.getColumn("client_id", String.class),
            row.getColumn("customer_code", String.class),
            Set.copyOf(Columns.split(row.getColumn("permissions", String.class), Permission::valueOf)),
            row.getColumn("status", ConsentStatus.class),
            row.getColumn("created_at", Instant.class),
            row.getColumn("status_updated_at", Instant.class),
            row.getColumn("expires_at", Instant.class));

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
                .bind(
                        "permissions",
                        Columns.join(consent.permissions().stream().sorted().toList(), Permission::name))
                .bind("status", consent.status().name())
                .bind("createdAt", consent.createdAt())
                .bind("updatedAt", consent.statusUpdatedAt())
                .bindByType("expiresAt", consent.expiresAt(), Instant.class)
                .execute();
    }

    List<ConsentRecord> ofClient(String clientId) {
        return handle.createQuery("SELECT * FROM consent WHERE client_id = :clientId ORDER BY created_at, consent_id")
                .bind("clientId", clientId)
                .map(CONSENT)
                .list();
    }

    Optional<ConsentRecord> find(String consentId, String clientId) {
        return handle.createQuery("SELECT * FROM consent WHERE consent_id = :id AND client_id = :clientId")
                .bind("id", consentId)
                .bind("clientId", clientId)
                .map(CONSENT)
                .findOne();
    }
}
