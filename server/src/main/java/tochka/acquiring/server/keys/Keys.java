package tochka.acquiring.server.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.consents.ConsentService;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Principal;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.CompanyLookup;
import tochka.acquiring.server.directory.DirectoryService;

/**
 * JWT keys: issue, list, revoke, and authenticate a request's bearer token. A key is an RS256 JWT signed by the
 * server ({@code iss} = client_id, {@code sub} = key id, {@code customer_code}, as the bank's keys carry); what it
 * may do lives in the database, so revocation takes effect within {@link #KEY_FRESHNESS} on every node.
 */
public final class Keys {

    /** The bank's literal sandbox token; accepted only under {@code /sandbox/v2}. */
    public static final String SANDBOX_TOKEN = "sandbox.jwt.token";
    /** The client_id the sandbox token acts as (its webhook is {@code /webhook/v1.0/sandbox}). */
    public static final String SANDBOX_CLIENT_ID = "sandbox";

    /** The longest name a key may have. */
    public static final int MAX_NAME = 100;

    /**
     * How long a key read from the database is trusted: a revocation (or expiry set) on any node of a cluster holds
     * on this one at most this much later. A request then costs no database read of its key.
     */
    public static final Duration KEY_FRESHNESS = Duration.ofSeconds(1);

    /** How many keys and verified tokens are remembered; beyond that the least used are verified again. */
    private static final int REMEMBERED = 10_000;

    private final Transactions db;
    private final SigningKey signingKey;
    private final ServerClock clock;

    /**
     * Tokens whose RS256 signature and exact claims were verified, by the client_id they belong to. A token is only
     * ever the same bytes for the same key (PKCS#1 v1.5 signatures are deterministic, the claims never change), so
     * its signature needs verifying once, not on every request (about 40 µs each). Only genuine tokens enter, so a
     * caller cannot fill it with garbage; whether the key still holds is read from {@link #keysById} every time.
     */
    private final Cache<String, String> verifiedTokens =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    /** Keys by client_id as the database had them at most {@link #KEY_FRESHNESS} ago; empty: no such key. */
    private final LoadingCache<String, Optional<ApiKey>> keysById;

    /** The sandbox's own companies, which the sandbox token acts for, at most {@link #KEY_FRESHNESS} old. */
    private final LoadingCache<Boolean, Set<String>> sandboxCompanies;

    public Keys(Transactions db, SigningKey signingKey, ServerClock clock) {
        this.db = db;
        this.signingKey = signingKey;
        this.clock = clock;
        this.keysById = Caffeine.newBuilder()
                .maximumSize(REMEMBERED)
                .expireAfterWrite(KEY_FRESHNESS)
                .build(clientId -> db.withHandle(handle -> new KeyStore(handle).find(clientId)));
        this.sandboxCompanies = Caffeine.newBuilder()
                .expireAfterWrite(KEY_FRESHNESS)
                .build(any -> db
                        .withHandle(handle -> DirectoryService.within(handle).sandboxCompanies())
                        .stream()
                        .map(Company::customerCode)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** A key and its token, as the console shows them once. */
    public record IssuedKey(ApiKey key, String token) {}

    /**
     * Issues a key for {@code customerCodes} (all of them must exist, none of the sandbox's), with an authorised
     * consent per company.
     *
     * @throws Rejected (400) naming a bad name, an empty permission list, an unknown or sandbox company or a past
     *     expiry
     */
    public IssuedKey issue(
            String name,
            Set<Permission> permissions,
            Set<String> customerCodes,
            @Nullable Instant expiresAt,
            boolean demo) {
        ApiKey key = db.inTransaction(
                handle -> issueIn(handle, name, permissions, customerCodes, expiresAt, demo, clock.instant()));
        return new IssuedKey(key, token(key));
    }

    /** {@link #issue} inside the caller's transaction (a confirmed key request completes in the same one). */
    static ApiKey issueIn(
            Handle handle,
            String name,
            Set<Permission> permissions,
            Set<String> customerCodes,
            @Nullable Instant expiresAt,
            boolean demo,
            Instant now) {
        if (name.isBlank() || name.length() > MAX_NAME) throw Rejected.invalid("name: must be 1 to 100 characters");
        if (permissions.isEmpty()) throw Rejected.invalid("permissions: at least one permission is required");
        if (customerCodes.isEmpty()) throw Rejected.invalid("customer: at least one customerCode is required");
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw Rejected.invalid("expires: " + expiresAt + " is not in the future");
        }
        ApiKey key = new ApiKey(
                Ids.hex(16).toLowerCase(java.util.Locale.ROOT),
                Ids.uuid(),
                name,
                permissions,
                customerCodes,
                now,
                expiresAt,
                null);
        CompanyLookup companies = DirectoryService.within(handle);
        Set<String> known = companies.findAll(customerCodes).stream()
                .map(Company::customerCode)
                .collect(Collectors.toSet());
        for (String code : customerCodes) {
            if (!known.contains(code)) throw Rejected.invalid("customer: no company with customerCode " + code);
        }
        for (Company company : companies.sandboxCompanies()) {
            if (customerCodes.contains(company.customerCode())) {
                throw Rejected.invalid("customer: " + company.customerCode() + " belongs to the sandbox, which"
                        + " only " + SANDBOX_TOKEN + " on /sandbox/v2 may act for; a JWT key cannot");
            }
        }
        new KeyStore(handle).insert(key, demo);
        ConsentService.authoriseIn(handle, key.clientId(), customerCodes, permissions, now, expiresAt);
        return key;
    }

    public List<ApiKey> list() {
        return db.withHandle(handle -> new KeyStore(handle).all());
    }

    /** The key {@code clientId}, revoked or not. */
    public Optional<ApiKey> find(String clientId) {
        return db.withHandle(handle -> new KeyStore(handle).find(clientId));
    }

    /**
     * Revokes a key: it is refused from its next request on.
     *
     * @throws Rejected (404) when there is no such key or it is already revoked
     */
    public void revoke(String clientId) {
        boolean revoked = db.inTransaction(handle -> new KeyStore(handle).revoke(clientId, clock.instant()));
        forget(clientId);
        if (!revoked) throw Rejected.notFound("no active key with client_id " + clientId);
    }

    /** Reads the key from the database on its next use: it was revoked on this node, which must hold at once. */
    void forget(String clientId) {
        keysById.invalidate(clientId);
    }

    /** Whether the demo key was made: without signing its token, which a start need not wait for. */
    public boolean hasDemoKey() {
        return db.withHandle(handle -> new KeyStore(handle).demoKey()).isPresent();
    }

    /** The demo key made on first start, with its token. */
    public Optional<IssuedKey> demoKey() {
        return db.withHandle(handle -> new KeyStore(handle).demoKey()).map(key -> new IssuedKey(key, token(key)));
    }

    /** The key's token: the same claims signed by the same key, so it is the token that was issued. */
    public String token(ApiKey key) {
        return signingKey.signApiKey(claims(key));
    }

    /** What a key's token says: its client_id, key id, first company and times, as the bank's keys carry. */
    private static JWTClaimsSet claims(ApiKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(key.clientId())
                .subject(key.keyId())
                .claim(
                        "customer_code",
                        key.customerCodes().stream().sorted().findFirst().orElseThrow())
                .issueTime(Date.from(key.createdAt()));
        if (key.expiresAt() != null) claims.expirationTime(Date.from(key.expiresAt()));
        return claims.build();
    }

    /**
     * Who sent {@code authorization} (the whole header). {@code /uapi} takes only keys this server issued;
     * {@code /sandbox/v2} takes only {@link #SANDBOX_TOKEN}, which acts for the sandbox's own companies (and no
     * others) with every permission: the two worlds never see each other's data.
     *
     * @throws Rejected (403) for a missing, malformed, forged, unknown, revoked or expired token
     */
    public Principal authenticate(@Nullable String authorization, boolean sandbox) {
        String token = bearer(authorization);
        if (sandbox) {
            if (!SANDBOX_TOKEN.equals(token)) {
                throw Rejected.forbidden("/sandbox/v2 accepts only the token " + SANDBOX_TOKEN);
            }
            return new Principal(
                    SANDBOX_CLIENT_ID, EnumSet.allOf(Permission.class), sandboxCompanies.get(Boolean.TRUE), true);
        }
        if (SANDBOX_TOKEN.equals(token)) {
            throw Rejected.forbidden(SANDBOX_TOKEN + " is valid only under /sandbox/v2; /uapi needs a JWT key");
        }
        String clientId = verifiedTokens.getIfPresent(token);
        if (clientId == null) clientId = verify(token);
        ApiKey key = keysById.get(clientId).orElseThrow(() -> Rejected.forbidden("the JWT key is unknown or deleted"));
        if (key.isRevoked()) throw Rejected.forbidden("the JWT key " + key.clientId() + " is revoked");
        if (key.isExpired(clock.instant())) {
            throw Rejected.forbidden("the JWT key " + key.clientId() + " expired at " + key.expiresAt());
        }
        return new Principal(key.clientId(), key.permissions(), key.customerCodes(), false);
    }

    /**
     * Verifies a token not seen before: its form, signature and exact claims; remembers it and returns its client_id.
     *
     * @throws Rejected (403) for a malformed, forged or unknown token, or one with claims other than those issued
     */
    private String verify(String token) {
        // Nimbus decodes base64 leniently (padding, the standard alphabet); a key is only ever the exact form it was
        // issued in, so anything else is refused before it is parsed.
        if (!CompactJwt.isStrict(token)) {
            throw Rejected.forbidden("the bearer token is not a JWT: three non-empty base64url parts without padding");
        }
        SignedJWT jwt;
        JWTClaimsSet presented;
        try {
            jwt = SignedJWT.parse(token);
            presented = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw Rejected.forbidden("the bearer token is not a JWT");
        }
        if (!signingKey.verifyApiKey(jwt)) {
            throw Rejected.forbidden("the JWT key's header or signature does not verify");
        }
        String clientId = presented.getIssuer();
        ApiKey key = clientId == null ? null : keysById.get(clientId).orElse(null);
        if (key == null) throw Rejected.forbidden("the JWT key is unknown or deleted");
        // Only the private key can sign, but a leaked or misused one must still not mint a key with other claims
        // (a later exp, another company): a token is valid only with exactly the claims it was issued with.
        if (!presented.toJSONObject().equals(claims(key).toJSONObject())) {
            throw Rejected.forbidden("the JWT key's claims are not the ones issued for " + key.clientId());
        }
        verifiedTokens.put(token, key.clientId());
        return key.clientId();
    }

    private static String bearer(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw Rejected.forbidden("the Authorization header is missing; send Authorization: Bearer <JWT key>");
        }
        // By hand, not by a regular expression: this runs on every call, over a token of some 800 characters.
        String header = authorization.strip();
        int space = 0;
        while (space < header.length() && !Character.isWhitespace(header.charAt(space))) space++;
        String token = header.substring(space).strip();
        if (!header.regionMatches(true, 0, "Bearer", 0, space) || space != "Bearer".length() || token.isEmpty()) {
            throw Rejected.forbidden("the Authorization header must be Bearer <JWT key>");
        }
        return token;
    }
}
