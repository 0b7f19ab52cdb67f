package tochka.acquiring.spring;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tochka.acquiring.client.RequestLogging;
import tochka.acquiring.client.TochkaClient;

/**
 * The {@code tochka.*} properties the auto-configured {@link TochkaClient} and webhook endpoint are made from. A
 * property left out keeps the client's own default, so the defaults live in one place (the SDK).
 *
 * @param baseUrl the API's base URL, or the word {@code production} or {@code sandbox}; default production,
 *     {@value TochkaClient#PRODUCTION_URL}
 * @param token the JWT key from the bank's "Integrations and API" page; required unless the base URL is the sandbox
 * @param customerCode the company calls are for unless they name another
 * @param connectTimeout how long to wait for a connection (client default 10 s)
 * @param requestTimeout how long one try waits for its answer (client default 30 s)
 * @param callTimeout how long a call may take in all, retries included (client default 60 s)
 * @param maxAttempts tries in all for a read, 1 to 10 (client default 3)
 * @param logging what is logged of each request: NONE, BASIC or BODIES (client default NONE)
 * @param webhook the webhook endpoint and how its bodies are verified
 */
@ConfigurationProperties("tochka")
public record TochkaProperties(
        @DefaultValue(TochkaClient.PRODUCTION_URL) String baseUrl,
        @Nullable String token,
        @Nullable String customerCode,
        @Nullable Duration connectTimeout,
        @Nullable Duration requestTimeout,
        @Nullable Duration callTimeout,
        @Nullable Integer maxAttempts,
        @Nullable RequestLogging logging,
        @DefaultValue Webhook webhook) {

    /** The word that stands for the bank's production URL. */
    static final String PRODUCTION = "production";

    /** The word that stands for the bank's sandbox URL. */
    static final String SANDBOX = "sandbox";

    /** The base URL as a URL: the words {@code production} and {@code sandbox} (any case) spelled out. */
    public String resolvedBaseUrl() {
        String word = baseUrl.trim().toLowerCase(Locale.ROOT);
        if (word.equals(PRODUCTION)) return TochkaClient.PRODUCTION_URL;
        if (word.equals(SANDBOX)) return TochkaClient.SANDBOX_URL;
        return baseUrl.trim();
    }

    /** Whether the base URL is the bank's sandbox, whose token is fixed and need not be set. */
    public boolean isSandbox() {
        return stripSlash(resolvedBaseUrl()).equals(TochkaClient.SANDBOX_URL);
    }

    /** The properties with the token masked: a token is never logged. */
    @Override
    public String toString() {
        return "TochkaProperties[baseUrl=" + baseUrl + ", token=" + (token == null ? "null" : "******")
                + ", customerCode=" + customerCode + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts + ", logging="
                + logging + ", webhook=" + webhook + "]";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The {@code tochka.webhook.*} properties.
     *
     * @param enabled whether the endpoint is served; default false
     * @param path where the endpoint is served; default {@code /tochka/webhook}
     * @param keyUrl where the bank's public key is fetched from; default the shipped key of the bank (refetched
     *     from the bank when a signature fails) for the bank's URLs, else the base URL's
     *     {@code <origin>/doc/openapi/static/keys/public}
     * @param publicKey a fixed public key as a bare JWK JSON, never refetched (tests, e.g. a {@code WebhookSigner}'s)
     */
    public record Webhook(
            @DefaultValue("false") boolean enabled,
            @DefaultValue(DEFAULT_PATH) String path,
            @Nullable URI keyUrl,
            @Nullable String publicKey) {

        /** Where the endpoint is served unless {@code tochka.webhook.path} says otherwise. */
        public static final String DEFAULT_PATH = "/tochka/webhook";

        public Webhook {
            if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "tochka.webhook.path must start with / and hold no spaces: '" + path + "'");
            }
        }
    }
}
