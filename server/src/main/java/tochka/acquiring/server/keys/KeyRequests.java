package tochka.acquiring.server.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Hmac;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.server.sms.SmsGateway;

/**
 * The console's key wizard, as the bank's "Integrations and API" runs it: a request is started by a user (a new key,
 * or the re-issue of one), gets its companies and accesses, then its term; submitting it sends a 6-digit code by
 * SMS, valid {@link #CODE_TTL}, with {@link #ATTEMPTS} tries (the last wrong one voids the request); a new code may
 * be asked for up to {@link #MAX_CODES} times. The right code issues the key (and, for a re-issue, revokes the old
 * one) in the same transaction that completes the request. A request belongs to its user: another user's, or an
 * unknown one, is not found. Only the code's HMAC is stored.
 */
public final class KeyRequests {

    public static final int CODE_DIGITS = 6;
    public static final Duration CODE_TTL = Duration.ofMinutes(5);
    public static final int ATTEMPTS = 3;
    public static final int MAX_CODES = 5;
    /** The furthest a key's term may reach. */
    public static final int MAX_TERM_YEARS = 20;

    private static final Pattern CODE = Pattern.compile("[0-9]{" + CODE_DIGITS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions db;
    private final Keys keys;
    private final SmsGateway sms;
    private final ServerClock clock;
    private final byte[] codeSecret;

    public KeyRequests(Transactions db, Keys keys, SmsGateway sms, ServerClock clock, String codeSecret) {
        this.db = db;
        this.keys = keys;
        this.sms = sms;
        this.clock = clock;
        this.codeSecret = codeSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** What a right, wrong or late code did. */
    public sealed interface Confirmation {

        /** The key is issued; its page shows it. */
        record Issued(IssuedKey key) implements Confirmation {}

        /** The code was wrong; {@code attemptsLeft} more may be tried. */
        record Wrong(int attemptsLeft) implements Confirmation {}

        /** The code's five minutes are over: a new one must be asked for. */
        record Expired() implements Confirmation {}

        /** Too many wrong codes: the request is void and the wizard starts again. */
        record Voided() implements Confirmation {}
    }

    /**
     * Starts a request for a new key named {@code name}.
     *
     * @throws Rejected (400) for a blank or long name
     */
    public KeyRequest start(String userId, String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > Keys.MAX_NAME) {
            throw Rejected.invalid("name", "must be 1 to " + Keys.MAX_NAME + " characters");
        }
        return insert(userId, null, trimmed, null, null, null, null);
    }

    /**
     * Starts the re-issue of {@code key}: a request filled in with its companies, accesses and term, which the user
     * may change before confirming; the key it makes replaces {@code key}.
     *
     * @throws Rejected (400) when the key is revoked
     */
    public KeyRequest startReissue(String userId, ApiKey key) {
        if (key.isRevoked()) throw Rejected.notAllowed("key", "is revoked; issue a new one instead");
        Instant now = clock.instant();
        // The old term is offered again unless it is over: then the user must choose a new one.
        Instant expires = key.expiresAt();
        Boolean unlimited = expires == null ? Boolean.TRUE : key.isExpired(now) ? null : Boolean.FALSE;
        return insert(
                userId,
                key.clientId(),
                key.name(),
                key.customerCodes(),
                Set.copyOf(KeyAccess.grantedBy(key.permissions())),
                unlimited,
                Boolean.FALSE.equals(unlimited) ? expires : null);
    }

    /**
     * The request {@code requestId} of {@code userId}.
     *
     * @throws Rejected (404) when there is none, or it is another user's
     */
    public KeyRequest find(String requestId, String userId) {
        return db.withHandle(handle -> new KeyRequestStore(handle).find(requestId))
                .filter(request -> request.userId().equals(userId))
                .orElseThrow(() -> Rejected.notFound("key request not found"));
    }

    /**
     * Sets the companies and accesses of an open request.
     *
     * @throws Rejected (400) without a company or without a required access; (404) as {@link #find}
     */
    public void chooseAccess(String requestId, String userId, Set<String> customerCodes, Set<KeyAccess> access) {
        if (customerCodes.isEmpty()) throw Rejected.invalid("customerCodes", "at least one company is required");
        if (!access.containsAll(KeyAccess.requiredOnes())) {
            throw Rejected.invalid("access", "must include " + KeyAccess.requiredOnes());
        }
        find(requestId, userId);
        boolean chosen =
                db.inTransaction(handle -> new KeyRequestStore(handle).chooseAccess(requestId, customerCodes, access));
        if (!chosen) throw Rejected.notAllowed("request", "is no longer open");
    }

    /**
     * Sets the term (unlimited, or until {@code expiresAt}) of a request whose accesses are chosen and sends its code
     * to {@code phone}. Both consents (personal data, the Open API offer) are required.
     *
     * @throws Rejected (400) for a missing consent, a term in the past or beyond {@link #MAX_TERM_YEARS} years, a
     *     request without its accesses, or too many codes; (404) as {@link #find}
     */
    public void submit(
            String requestId,
            String userId,
            boolean unlimited,
            @Nullable Instant expiresAt,
            boolean personalDataConsent,
            boolean offerConsent,
            String phone) {
        if (!personalDataConsent) throw Rejected.invalid("consentPersonalData", "the consent is required");
        if (!offerConsent) throw Rejected.invalid("consentOffer", "the consent is required");
        Instant now = clock.instant();
        if (unlimited) {
            expiresAt = null;
        } else if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(latestExpiry(now))) {
            throw Rejected.invalid("expiresAt", "must be after now and within " + MAX_TERM_YEARS + " years");
        }
        KeyRequest request = find(requestId, userId);
        if (request.customerCodes() == null) throw Rejected.notAllowed("access", "choose the companies first");
        sendCode(request, unlimited, expiresAt, phone);
    }

    /**
     * Sends a new code for a request waiting for one (the old code stops working; the attempts start again).
     *
     * @throws Rejected (400) for a request not waiting for a code, or after {@link #MAX_CODES} codes
     */
    public void resend(String requestId, String userId, String phone) {
        KeyRequest request = find(requestId, userId);
        if (request.status() != KeyRequest.Status.CODE_SENT || request.unlimited() == null) {
            throw Rejected.notAllowed("request", "is not waiting for a code");
        }
        sendCode(request, request.unlimited(), request.expiresAt(), phone);
    }

    /**
     * Checks {@code code} against the request's; the right one issues the key (retiring the one it replaces) in the
     * same transaction as the request's completion.
     *
     * @throws Rejected (400) for a request not waiting for a code or a code that is not 6 digits; (404) as
     *     {@link #find}
     */
    public Confirmation confirm(String requestId, String userId, String code) {
        if (!CODE.matcher(code).matches()) throw Rejected.invalid("code", "must be " + CODE_DIGITS + " digits");
        String presented = hash(requestId, code);
        find(requestId, userId);
        // The key is signed after the transaction (signing needs none); a refusal of the code needs no key.
        record Outcome(
                @Nullable Confirmation refused,
                @Nullable ApiKey key,
                @Nullable String revoked) {}
        Outcome outcome = db.inTransaction(handle -> {
            KeyRequestStore store = new KeyRequestStore(handle);
            KeyRequest request = store.find(requestId).orElseThrow();
            Instant now = clock.instant();
            if (request.status() == KeyRequest.Status.VOID) return new Outcome(new Confirmation.Voided(), null, null);
            if (request.status() != KeyRequest.Status.CODE_SENT) {
                throw Rejected.notAllowed("request", "is not waiting for a code");
            }
            Instant codeExpires = request.codeExpiresAt();
            if (codeExpires == null || !now.isBefore(codeExpires)) {
                return new Outcome(new Confirmation.Expired(), null, null);
            }
            String stored = store.codeHash(requestId).orElse("");
            if (!MessageDigest.isEqual(
                    stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII))) {
                store.spendAttempt(requestId);
                int left = Math.max(0, request.attemptsLeft() - 1);
                return new Outcome(left == 0 ? new Confirmation.Voided() : new Confirmation.Wrong(left), null, null);
            }
            Set<String> codes = request.customerCodes();
            Set<KeyAccess> access = request.access();
            if (codes == null || access == null) throw Rejected.notAllowed("access", "choose the companies first");
            ApiKey key = Keys.issueIn(
                    handle, request.name(), KeyAccess.permissionsOf(access), codes, request.expiresAt(), false, now);
            if (!store.complete(requestId, presented, now, key.clientId())) {
                // Another submit of the same code completed it first: this transaction's key must not exist.
                throw Rejected.notAllowed("request", "was completed by another submit of the code");
            }
            String replaced = request.replaces();
            if (replaced != null) new KeyStore(handle).revoke(replaced, now);
            return new Outcome(null, key, replaced);
        });
        String revoked = outcome.revoked();
        if (revoked != null) keys.forget(revoked);
        ApiKey issued = outcome.key();
        Confirmation refused = outcome.refused();
        if (issued != null) return new Confirmation.Issued(new IssuedKey(issued, keys.token(issued)));
        return java.util.Objects.requireNonNull(refused);
    }

    /** The latest a term may end: {@link #MAX_TERM_YEARS} years from {@code now}, to the end of that day. */
    public static Instant latestExpiry(Instant now) {
        ZonedDateTime moscow =
                now.atZone(BankTime.ZONE).plusYears(MAX_TERM_YEARS).plusDays(1);
        return moscow.toLocalDate().atStartOfDay(BankTime.ZONE).toInstant();
    }

    private KeyRequest insert(
            String userId,
            @Nullable String replaces,
            String name,
            @Nullable Set<String> codes,
            @Nullable Set<KeyAccess> access,
            @Nullable Boolean unlimited,
            @Nullable Instant expiresAt) {
        KeyRequest request = new KeyRequest(
                Ids.uuid(),
                userId,
                replaces,
                name,
                codes,
                access,
                unlimited,
                expiresAt,
                KeyRequest.Status.DRAFT,
                null,
                0,
                0,
                null,
                clock.instant());
        db.useTransaction(handle -> new KeyRequestStore(handle).insert(request));
        return request;
    }

    private void sendCode(KeyRequest request, boolean unlimited, @Nullable Instant expiresAt, String phone) {
        String code = String.format(Locale.ROOT, "%0" + CODE_DIGITS + "d", RANDOM.nextInt(1_000_000));
        Instant codeExpires = clock.instant().plus(CODE_TTL);
        boolean sent = db.inTransaction(handle -> new KeyRequestStore(handle)
                .sendCode(
                        request.requestId(),
                        unlimited,
                        expiresAt,
                        hash(request.requestId(), code),
                        codeExpires,
                        ATTEMPTS,
                        MAX_CODES));
        if (!sent) {
            throw Rejected.notAllowed(
                    "code", "no more codes for this request: start again (at most " + MAX_CODES + ")");
        }
        sms.send(
                phone, "Код для ключа «" + request.name() + "»: " + code + ". Действует 5 минут. Никому не сообщайте.");
    }

    /** The code's HMAC, bound to its request, so a code is worth nothing for another. */
    private String hash(String requestId, String code) {
        return HexFormat.of().formatHex(Hmac.sha256(codeSecret, requestId + ":" + code));
    }
}
