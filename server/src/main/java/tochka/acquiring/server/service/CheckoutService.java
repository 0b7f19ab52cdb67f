package tochka.acquiring.server.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.domain.CheckoutSession;
import tochka.acquiring.server.domain.MaskedCard;
import tochka.acquiring.server.store.CheckoutStore;

/**
 * Sessions of the hosted payment page. As the bank documents it, a buyer has one hour to pay after opening a link;
 * after that the page refuses, and opening the link again gives a fresh session.
 */
public final class CheckoutService {

    public static final Duration SESSION_LIFETIME = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final ServerClock clock;

    public CheckoutService(Jdbi jdbi, ServerClock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new session and its secret id, which only the buyer's cookie holds. */
    public record Opened(String secret, CheckoutSession session) {}

    public Opened open(String operationId) {
        String secret = Ids.hex(32);
        Instant now = clock.instant();
        CheckoutSession session =
                new CheckoutSession(hash(secret), operationId, now, now.plus(SESSION_LIFETIME), null, null);
        jdbi.useTransaction(handle -> new CheckoutStore(handle).insert(session));
        return new Opened(secret, session);
    }

    /** The open session of {@code operationId} whose secret is {@code secret}, if any. */
    public Optional<CheckoutSession> find(@Nullable String secret, String operationId) {
        if (secret == null || secret.isEmpty() || secret.length() > 128) return Optional.empty();
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> new CheckoutStore(handle).find(hash(secret)))
                .filter(session -> session.operationId().equals(operationId) && session.isOpen(now));
    }

    /** The session that showed QR code {@code qrcId}, open or not. */
    public Optional<CheckoutSession> findByQrc(String qrcId) {
        return jdbi.withHandle(handle -> new CheckoutStore(handle).findByQrc(qrcId));
    }

    /** The session's SBP QR code id, created on first use. */
    public String qrcId(CheckoutSession session) {
        if (session.qrcId() != null) return session.qrcId();
        return jdbi.inTransaction(handle -> {
            CheckoutStore store = new CheckoutStore(handle);
            store.assignQrc(session.sessionHash(), Ids.alphanumeric("AD1", 32));
            return store.find(session.sessionHash()).orElseThrow().qrcId();
        });
    }

    /** Holds a card that the issuer wants confirmed with 3-D Secure until the buyer answers the challenge. */
    public void startChallenge(CheckoutSession session, MaskedCard card) {
        jdbi.useTransaction(handle -> new CheckoutStore(handle).startChallenge(session.sessionHash(), card));
    }

    /** Takes the pending challenge's card; empty when there is none (or another request took it first). */
    public Optional<MaskedCard> endChallenge(CheckoutSession session) {
        MaskedCard card = session.challenge();
        if (card == null) return Optional.empty();
        boolean taken = jdbi.inTransaction(handle -> new CheckoutStore(handle).endChallenge(session.sessionHash()));
        return taken ? Optional.of(card) : Optional.empty();
    }

    public Instant now() {
        return clock.instant();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
