package tochka.acquiring.server.keys;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Columns;

/** The console's pending key requests. Every change is one guarded statement on the request's status. */
final class KeyRequestStore {

    private static final RowViewMapper<KeyRequest> REQUEST = row -> {
        String codes = row.getColumn("customer_codes", String.class);
        String access = row.getColumn("access", String.class);
        return new KeyRequest(
                row.getColumn("request_id", String.class),
                row.getColumn("user_id", String.class),
                row.getColumn("replaces", String.class),
                row.getColumn("name", String.class),
                codes == null ? null : Set.copyOf(Columns.split(codes, code -> code)),
                access == null ? null : ordered(Columns.split(access, KeyAccess::valueOf)),
                row.getColumn("unlimited", Boolean.class),
                row.getColumn("expires_at", Instant.class),
                KeyRequest.Status.valueOf(row.getColumn("status", String.class)),
                row.getColumn("code_expires_at", Instant.class),
                row.getColumn("attempts_left", Integer.class),
                row.getColumn("codes_sent", Integer.class),
                row.getColumn("issued", String.class),
                row.getColumn("created_at", Instant.class));
    };

    private final Handle handle;

    KeyRequestStore(Handle handle) {
        this.handle = handle;
    }

    void insert(KeyRequest request) {
        handle.createUpdate("""
                        INSERT INTO key_request (request_id, user_id, replaces, name, customer_codes, access, unlimited,
                            expires_at, status, created_at)
                        VALUES (:requestId, :userId, :replaces, :name, :codes, :access, :unlimited, :expiresAt,
                            'DRAFT', :createdAt)
                        """)
                .bind("requestId", request.requestId())
                .bind("userId", request.userId())
                .bind("replaces", request.replaces())
                .bind("name", request.name())
                .bind("codes", codes(request.customerCodes()))
                .bind("access", access(request.access()))
                .bindByType("unlimited", request.unlimited(), Boolean.class)
                .bindByType("expiresAt", request.expiresAt(), Instant.class)
                .bind("createdAt", request.createdAt())
                .execute();
    }

    Optional<KeyRequest> find(String requestId) {
        return handle.createQuery("SELECT * FROM key_request WHERE request_id = :id")
                .bind("id", requestId)
                .map(REQUEST)
                .findOne();
    }

    /** Sets the companies and accesses of a request still being filled in. */
    boolean chooseAccess(String requestId, Set<String> customerCodes, Set<KeyAccess> access) {
        return handle.createUpdate("""
                                UPDATE key_request SET customer_codes = :codes, access = :access
                                WHERE request_id = :id AND status IN ('DRAFT', 'CODE_SENT')
                                """)
                        .bind("id", requestId)
                        .bind("codes", codes(customerCodes))
                        .bind("access", access(access))
                        .execute()
                == 1;
    }

    /** Sets the term and a new code (its HMAC, expiry and attempts): the request waits for that code. */
    boolean sendCode(
            String requestId,
            boolean unlimited,
            @Nullable Instant expiresAt,
            String codeHash,
            Instant codeExpiresAt,
            int attempts,
            int maxCodes) {
        return handle.createUpdate("""
                                UPDATE key_request SET unlimited = :unlimited, expires_at = :expiresAt,
                                    code_hash = :hash, code_expires_at = :codeExpiresAt, attempts_left = :attempts,
                                    codes_sent = codes_sent + 1, status = 'CODE_SENT'
                                WHERE request_id = :id AND status IN ('DRAFT', 'CODE_SENT')
                                    AND customer_codes IS NOT NULL AND codes_sent < :maxCodes
                                """)
                        .bind("id", requestId)
                        .bind("unlimited", unlimited)
                        .bindByType("expiresAt", expiresAt, Instant.class)
                        .bind("hash", codeHash)
                        .bind("codeExpiresAt", codeExpiresAt)
                        .bind("attempts", attempts)
                        .bind("maxCodes", maxCodes)
                        .execute()
                == 1;
    }

    /** The code's HMAC, read only to compare it. */
    Optional<String> codeHash(String requestId) {
        return handle.createQuery("SELECT code_hash FROM key_request WHERE request_id = :id")
                .bind("id", requestId)
                .mapTo(String.class)
                .findOne();
    }

    /** Spends one attempt on a wrong code; the last one voids the request. */
    boolean spendAttempt(String requestId) {
        return handle.createUpdate("""
                                UPDATE key_request SET attempts_left = attempts_left - 1,
                                    status = CASE WHEN attempts_left <= 1 THEN 'VOID' ELSE status END
                                WHERE request_id = :id AND status = 'CODE_SENT' AND attempts_left > 0
                                """).bind("id", requestId).execute() == 1;
    }

    /** Completes a request waiting for {@code codeHash} with the key it issued. */
    boolean complete(String requestId, String codeHash, Instant now, String clientId) {
        return handle.createUpdate("""
                                UPDATE key_request SET status = 'DONE', issued = :clientId, code_hash = NULL
                                WHERE request_id = :id AND status = 'CODE_SENT' AND attempts_left > 0
                                    AND code_hash = :hash AND code_expires_at > :now
                                """)
                        .bind("id", requestId)
                        .bind("hash", codeHash)
                        .bind("now", now)
                        .bind("clientId", clientId)
                        .execute()
                == 1;
    }

    private static @Nullable String codes(@Nullable Set<String> codes) {
        return codes == null ? null : Columns.join(codes.stream().sorted().toList(), code -> code);
    }

    private static @Nullable String access(@Nullable Set<KeyAccess> access) {
        return access == null ? null : Columns.join(ordered(access), KeyAccess::name);
    }

    /** The accesses in the guide's order. */
    private static EnumSet<KeyAccess> ordered(Collection<KeyAccess> access) {
        return access.isEmpty() ? EnumSet.noneOf(KeyAccess.class) : EnumSet.copyOf(access);
    }
}
