package tochka.acquiring.client.webhook;

import static tochka.acquiring.client.webhook.WebhookVerificationException.Reason.BAD_SIGNATURE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a webhook body (a compact RS256 JWT) against the bank's public key and returns the typed event it carries.
 * Immutable and thread-safe: build one and share it.
 *
 * <p>Every check runs before any claim is read: the body's form, the header's {@code alg} (exactly RS256: never
 * {@code none}, HMAC or another RSA hash), the signature. When the signature does not verify and the key comes from a
 * URL, the key is fetched again once (the bank may have rotated it), at most once per re-fetch interval so that
 * forged webhooks cannot make the verifier hammer the key server.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.production();
 * WebhookEvent event = verifier.verify(body);
 * if (event instanceof PaymentEvent payment && payment.isApproved()) markPaid(payment.paymentLinkId());
 * }</pre>
 */
public final class WebhookVerifier {

    /** Where the bank publishes its webhook key (a bare JWK). */
    public static final URI BANK_KEY_URL = URI.create("https://enter.tochka.com/doc/openapi/static/keys/public");

    /**
     * The longest body {@link #verify} accepts (64 KB; the bank's webhooks are about 2 KB): an endpoint can stop
     * reading a request past it.
     */
    public static final int MAX_BODY_LENGTH = CompactJws.MAX_BODY_CHARS;

    private static final String BANK_KEY_RESOURCE = "tochka-public-key.jwk.json";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration DEFAULT_CACHE_FOR = Duration.ofHours(6);

    private final KeySource keys;
    private final String keyOrigin;

    private WebhookVerifier(KeySource keys, String keyOrigin) {
        this.keys = keys;
        this.keyOrigin = keyOrigin;
    }

    /**
     * A verifier for the real bank: it starts with the bank's key shipped in this SDK, so it needs no network to
     * begin with, and re-fetches the key from {@link #BANK_KEY_URL} every 6 hours and when a signature fails.
     */
    public static WebhookVerifier production() {
        return builder().keyUrl(BANK_KEY_URL).initialKey(bankKeyJwk()).build();
    }

    /** A verifier that fetches the key from {@code keyUrl} on first use (e.g. this project's server's key URL). */
    public static WebhookVerifier forKeyUrl(URI keyUrl) {
        return builder().keyUrl(keyUrl).build();
    }

    /**
     * A verifier that trusts {@code jwkJson} (a JWK or a JWKS) only and never fetches.
     *
     * @throws IllegalArgumentException when it holds no usable RSA key of at least 2048 bits
     */
    public static WebhookVerifier forKey(String jwkJson) {
        return builder().initialKey(jwkJson).build();
    }

    /** A builder: set a key URL, an initial key, or both. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bank's public key as shipped in this SDK (a bare JWK, the one {@link #BANK_KEY_URL} served at release). */
    public static String bankKeyJwk() {
        try (InputStream in = WebhookVerifier.class.getResourceAsStream(BANK_KEY_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the SDK's jar lacks " + BANK_KEY_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BANK_KEY_RESOURCE, e);
        }
    }

    /**
     * The event {@code body} carries, after checking its signature; whitespace around the body (a newline some proxies
     * add) is ignored, nothing else is.
     *
     * @throws WebhookVerificationException when any check fails, or no key can be had (see its
     *     {@link WebhookVerificationException#reason()})
     */
    public WebhookEvent verify(String body) {
        Objects.requireNonNull(body, "body");
        CompactJws jws = CompactJws.parse(body);
        byte[] signingInput = jws.signingInput();
        byte[] signature = jws.signature();
        KeySource.Keys tried = keys.current();
        if (!verifies(tried.keys(), signingInput, signature)) {
            KeySource.Keys fresh;
            try {
                fresh = keys.refreshAfter(tried);
            } catch (WebhookVerificationException e) {
                throw new WebhookVerificationException(
                        BAD_SIGNATURE,
                        "the webhook's signature does not verify with the key from " + keyOrigin
                                + ", and fetching the key again failed: " + e.getMessage(),
                        e);
            }
            if (fresh == null || !verifies(fresh.keys(), signingInput, signature)) {
                throw new WebhookVerificationException(
                        BAD_SIGNATURE,
                        "the webhook's signature does not verify with the key from " + keyOrigin
                                + ": it was not signed by the bank's key, or was changed on the way");
            }
        }
        return Claims.toEvent(jws.payload());
    }

    private static boolean verifies(List<RSAPublicKey> candidates, byte[] signingInput, byte[] signature) {
        for (RSAPublicKey key : candidates) {
            try {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(key);
                rs256.update(signingInput);
                if (rs256.verify(signature)) return true;
            } catch (GeneralSecurityException e) {
                // A signature of the wrong length for this key: not this key's.
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "WebhookVerifier[key from " + keyOrigin + "]";
    }

    /** Settings of a {@link WebhookVerifier}; at least a key URL or an initial key. */
    public static final class Builder {

        private @Nullable URI keyUrl;
        private @Nullable List<RSAPublicKey> initialKeys;
        private @Nullable HttpClient httpClient;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Duration refetchInterval = DEFAULT_REFETCH_INTERVAL;
        private Duration cacheFor = DEFAULT_CACHE_FOR;

        private Builder() {}

        /** Where to fetch the key (a JWK or a JWKS) from: on first use, after {@link #cacheFor}, on a bad signature. */
        public Builder keyUrl(URI keyUrl) {
            Objects.requireNonNull(keyUrl, "keyUrl");
            String scheme = keyUrl.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("keyUrl must be an http or https URL: " + keyUrl);
            }
            this.keyUrl = keyUrl;
            return this;
        }

        /**
         * The key to start with (a JWK or a JWKS), so that the first webhook needs no fetch; without a key URL it is
         * the only key trusted.
         *
         * @throws IllegalArgumentException when it holds no usable RSA key of at least 2048 bits
         */
        public Builder initialKey(String jwkJson) {
            Objects.requireNonNull(jwkJson, "jwkJson");
            this.initialKeys = RsaKeys.parse(jwkJson);
            return this;
        }

        /** The HTTP client for key fetches (e.g. with a proxy or the bank's CA in its SSL context). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The deadline of a whole key fetch, connect to last byte (default 10 seconds, at most 5 minutes). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException(
                        "timeout must be positive and at most " + MAX_TIMEOUT + ": " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock the key's age is measured with (default the system's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The least time between two key fetches, successful or not (default 1 minute; zero allows any). */
        public Builder refetchInterval(Duration refetchInterval) {
            Objects.requireNonNull(refetchInterval, "refetchInterval");
            if (refetchInterval.isNegative()) {
                throw new IllegalArgumentException("refetchInterval must not be negative: " + refetchInterval);
            }
            this.refetchInterval = refetchInterval;
            return this;
        }

        /**
         * How long a fetched (or the initial) key is used before it is fetched again on next use (default 6 hours);
         * when that fetch fails, the cached key goes on working.
         */
        public Builder cacheFor(Duration cacheFor) {
            Objects.requireNonNull(cacheFor, "cacheFor");
            if (cacheFor.isNegative() || cacheFor.isZero()) {
                throw new IllegalArgumentException("cacheFor must be positive: " + cacheFor);
            }
            this.cacheFor = cacheFor;
            return this;
        }

        /**
         * The verifier.
         *
         * @throws IllegalStateException when neither a key URL nor an initial key was set
         */
        public WebhookVerifier build() {
            if (keyUrl == null && initialKeys == null) {
                throw new IllegalStateException("a WebhookVerifier needs a keyUrl, an initialKey, or both");
            }
            KeyFetcher fetcher = keyUrl == null ? null : new KeyFetcher(httpClient, keyUrl, timeout);
            String origin = keyUrl != null ? keyUrl.toString() : "the configured key";
            return new WebhookVerifier(new KeySource(initialKeys, fetcher, clock, refetchInterval, cacheFor), origin);
        }
    }
}
