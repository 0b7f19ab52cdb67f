package tochka.acquiring.server.checkout;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.payments.MaskedCard;

/** Hosted-page sessions and their SBP attempts; each change is a guarded single statement. */
final class CheckoutStore {

    /** A session with its current SBP attempt, if it has one. */
    private static final String SESSION = """
            SELECT s.session_hash, s.operation_id, s.created_at, s.expires_at, s.challenge_mask, s.challenge_brand,
                   s.qrc_id, a.created_at AS qrc_created_at, a.cancelled_at AS qrc_cancelled_at
            FROM checkout_session s LEFT JOIN sbp_attempt a ON a.qrc_id = s.qrc_id
            """;

    /** An attempt's columns as both {@link #SESSION} and {@link #findAttempt} name them. */
    private static final RowViewMapper<SbpAttempt> ATTEMPT = row -> new SbpAttempt(
            row.getColumn("qrc_id", String.class),
            row.getColumn("operation_id", String.class),
            row.getColumn("qrc_created_at", Instant.class),
            row.getColumn("expires_at", Instant.class),
            row.getColumn("qrc_cancelled_at", Instant.class));

    private static final RowViewMapper<CheckoutSession> CHECKOUT_SESSION = row -> {
        String mask = row.getColumn("challenge_mask", String.class);
        return new CheckoutSession(
                row.getColumn("session_hash", String.class),
                row.getColumn("operation_id", String.class),
                row.getColumn("created_at", Instant.class),
                row.getColumn("expires_at", Instant.class),
                row.getColumn("qrc_id", String.class) == null ? null : ATTEMPT.map(row),
                mask == null ? null : new MaskedCard(mask, row.getColumn("challenge_brand", String.class)));
    };

    private final Handle handle;

    CheckoutStore(Handle handle) {
        this.handle = handle;
    }

    public void insert(CheckoutSession session) {
        handle.createUpdate("""
                        INSERT INTO checkout_session (session_hash, operation_id, created_at, expires_at)
                        VALUES (:hash, :operationId, :createdAt, :expiresAt)
                        """)
                .bind("hash", session.sessionHash())
                .bind("operationId", session.operationId())
                .bind("createdAt", session.createdAt())
                .bind("expiresAt", session.expiresAt())
                .execute();
    }

    public Optional<CheckoutSession> find(String sessionHash) {
        return handle.createQuery(SESSION + " WHERE s.session_hash = :hash")
                .bind("hash", sessionHash)
                .map(CHECKOUT_SESSION)
                .findOne();
    }

    /** The attempt of QR code {@code qrcId}, current or not, with its session's link and lifetime. */
    public Optional<SbpAttempt> findAttempt(String qrcId) {
        return handle.createQuery("""
                        SELECT a.qrc_id, a.created_at AS qrc_created_at, a.cancelled_at AS qrc_cancelled_at,
                               s.operation_id, s.expires_at
                        FROM sbp_attempt a JOIN checkout_session s ON s.session_hash = a.session_hash
                        WHERE a.qrc_id = :qrcId
                        """).bind("qrcId", qrcId).map(ATTEMPT).findOne();
    }

    /**
     * Makes {@code qrcId} the session's current QR code in place of {@code replaced} (null: the session had none yet)
     * and records it as a new attempt; returns false, changing nothing, when another request replaced it first.
     */
    public boolean startAttempt(String sessionHash, @Nullable String replaced, String qrcId, Instant now) {
        var update = handle.createUpdate("UPDATE checkout_session SET qrc_id = :qrcId WHERE session_hash = :hash"
                        + (replaced == null ? " AND qrc_id IS NULL" : " AND qrc_id = :replaced"))
                .bind("hash", sessionHash)
                .bind("qrcId", qrcId);
        if (replaced != null) update.bind("replaced", replaced);
        boolean current = update.execute() == 1;
        if (!current) return false;
        handle.createUpdate("""
                        INSERT INTO sbp_attempt (qrc_id, session_hash, created_at) VALUES (:qrcId, :hash, :now)
                        """)
                .bind("qrcId", qrcId)
                .bind("hash", sessionHash)
                .bind("now", now)
                .execute();
        return true;
    }

    /** Marks the attempt cancelled; true for exactly one caller, so a cancellation happens (and is logged) once. */
    public boolean cancelAttempt(String qrcId, Instant now) {
        return handle.createUpdate("""
                        UPDATE sbp_attempt SET cancelled_at = :now WHERE qrc_id = :qrcId AND cancelled_at IS NULL
                        """).bind("qrcId", qrcId).bind("now", now).execute() == 1;
    }

    public void startChallenge(String sessionHash, MaskedCard card) {
        handle.createUpdate("""
                        UPDATE checkout_session SET challenge_mask = :mask, challenge_brand = :brand
                        WHERE session_hash = :hash
                        """)
                .bind("hash", sessionHash)
                .bind("mask", card.mask())
                .bind("brand", card.brand())
                .execute();
    }

    /** Ends the session's pending challenge; true for exactly one caller, so a code can be answered only once. */
    public boolean endChallenge(String sessionHash) {
        return handle.createUpdate("""
                        UPDATE checkout_session SET challenge_mask = NULL, challenge_brand = NULL
                        WHERE session_hash = :hash AND challenge_mask IS NOT NULL
                        """).bind("hash", sessionHash).execute() == 1;
    }
}
