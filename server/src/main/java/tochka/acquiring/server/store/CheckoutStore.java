package tochka.acquiring.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tochka.acquiring.server.domain.CheckoutSession;
import tochka.acquiring.server.domain.MaskedCard;

/** Hosted-page sessions; each change is a guarded single statement. */
public final class CheckoutStore {

    private final Handle handle;

    public CheckoutStore(Handle handle) {
        this.handle = handle;
    }

    public void insert(CheckoutSession session) {
        handle.createUpdate("""
                        INSERT INTO checkout_session (session_hash, operation_id, created_at, expires_at)
                        VALUES (:hash, :operationId, :createdAt, :expiresAt)
                        """)
                .bind("hash", session.sessionHash())
                .bind("operationId", session.operationId())
                .bind("createdAt", session.createdAt().toEpochMilli())
                .bind("expiresAt", session.expiresAt().toEpochMilli())
                .execute();
    }

    public Optional<CheckoutSession> find(String sessionHash) {
        return handle.createQuery("SELECT * FROM checkout_session WHERE session_hash = :hash")
                .bind("hash", sessionHash)
                .map((rs, ctx) -> session(rs))
                .findOne();
    }

    public Optional<CheckoutSession> findByQrc(String qrcId) {
        return handle.createQuery("SELECT * FROM checkout_session WHERE qrc_id = :qrcId")
                .bind("qrcId", qrcId)
                .map((rs, ctx) -> session(rs))
                .findOne();
    }

    /** Gives the session its QR code id unless it has one; returns whether this call set it. */
    public boolean assignQrc(String sessionHash, String qrcId) {
        return handle.createUpdate(
                        "UPDATE checkout_session SET qrc_id = :qrcId WHERE session_hash = :hash AND qrc_id IS NULL")
                .bind("hash", sessionHash)
                .bind("qrcId", qrcId)
                .execute() == 1;
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
                        """)
                .bind("hash", sessionHash)
                .execute() == 1;
    }

    private static CheckoutSession session(ResultSet rs) throws SQLException {
        String mask = rs.getString("challenge_mask");
        return new CheckoutSession(
                rs.getString("session_hash"),
                rs.getString("operation_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                rs.getString("qrc_id"),
                mask == null ? null : new MaskedCard(mask, rs.getString("challenge_brand")));
    }
}
