package tochka.acquiring.server.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Hmac;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.payments.MaskedCard;

/**
 * Sessions of the hosted payment page. As the bank documents it, a buyer has one hour to pay after opening a link;
 * after that the page refuses, and opening the link again gives a fresh session.
 */
public final class CheckoutService {

    public static final Duration SESSION_LIFETIME = Duration.ofHours(1);

    private final Transactions db;
    private final ServerClock clock;

    public CheckoutService(Transactions db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new session and its secret id, which only the buyer's cookie holds. */
    public record Opened(String secret, CheckoutSession session) {}

    public Opened open(String operationId) {
        String secret = Ids.hex(32);
        Instant now = clock.instant();
        CheckoutSession session =
                new CheckoutSession(hash(secret), operationId, now, now.plus(SESSION_LIFETIME), null, null);
        db.useTransaction(handle -> new CheckoutStore(handle).insert(session));
        return new Opened(secret, session);
    }

    /** The open session of {@code operationId} whose secret is {@code secret}, if any. */
    public Optional<CheckoutSession> find(@Nullable String secret, String operationId) {
        if (secret == null || secret.isEmpty() || secret.length() > 128) return Optional.empty();
        Instant now = clock.instant();
        return db.withHandle(handle -> new CheckoutStore(handle).find(hash(secret)))
                .filter(session -> session.operationId().equals(operationId) && session.isOpen(now));
    }

    /** The SBP attempt of QR code {@code qrcId}, current or not, open or not. */
    public Optional<SbpAttempt> attempt(String qrcId) {
        return db.withHandle(handle -> new CheckoutStore(handle).findAttempt(qrcId));
    }

    /**
     * The SBP attempt the session's page shows: its current QR code, or a fresh one when it has none yet or the buyer
     * cancelled the last one in the bank app (so a cancelled attempt never blocks the next).
     */
    public SbpAttempt sbpAttempt(CheckoutSession session) {
        SbpAttempt current = session.sbp();
        if (current != null && !current.isCancelled()) return current;
        return db.inTransaction(handle -> {
            CheckoutStore store = new CheckoutStore(handle);
            // Losing the race to another tab of the same session is fine: its fresh code is this page's code too.
            store.startAttempt(
                    session.sessionHash(),
                    current == null ? null : current.qrcId(),
                    Ids.alphanumeric("AD1", 32),
                    clock.instant());
            return Objects.requireNonNull(
                    store.find(session.sessionHash()).orElseThrow().sbp());
        });
    }

    /** Cancels the attempt, as the buyer's bank app does; true only for the call that cancelled it. */
    public boolean cancel(SbpAttempt attempt) {
        return db.inTransaction(handle -> new CheckoutStore(handle).cancelAttempt(attempt.qrcId(), clock.instant()));
    }

    /** Holds a card that the issuer wants confirmed with 3-D Secure until the buyer answers the challenge. */
    public void startChallenge(CheckoutSession session, MaskedCard card) {
        db.useTransaction(handle -> new CheckoutStore(handle).startChallenge(session.sessionHash(), card));
    }

    /** Takes the pending challenge's card; empty when there is none (or another request took it first). */
    public Optional<MaskedCard> endChallenge(CheckoutSession session) {
        MaskedCard card = session.challenge();
        if (card == null) return Optional.empty();
        boolean taken = db.inTransaction(handle -> new CheckoutStore(handle).endChallenge(session.sessionHash()));
        return taken ? Optional.of(card) : Optional.empty();
    }

    public Instant now() {
        return clock.instant();
    }

    static String hash(String secret) {
        return Hmac.sha256Hex(secret);
    }
}
