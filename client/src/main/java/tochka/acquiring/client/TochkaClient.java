package tochka.acquiring.client;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.client.webhook.WebhookVerifier;

/**
 * The client of Tochka Bank's acquiring API: the real bank ({@link Builder#production()}), its sandbox
 * ({@link Builder#sandbox()}), or any server that speaks the API, such as this project's
 * ({@link Builder#baseUrl(String)}). Thread-safe; make one and share it.
 *
 * <pre>{@code
 * TochkaClient tochka = TochkaClient.builder()
 *         .production()
 *         .token(System.getenv("TOCHKA_JWT"))
 *         .customerCode("300000092")
 *         .build();
 * CreatedPayment link = tochka.payments().create(PaymentLinkRequest.builder()
 *         .amount("1500.00")
 *         .purpose("Order 42")
 *         .paymentModes(AcquiringPaymentMode.CARD, AcquiringPaymentMode.SBP)
 *         .build());
 * // send the buyer to link.paymentLink(); the webhook or payments().get(link.operationId()) says APPROVED
 * }</pre>
 *
 * <p>Every method has a blocking form and an {@code ...Async} form returning a {@code CompletableFuture}; both
 * fail with a {@link TochkaException}. Reads are retried on network errors, 429 and 5xx as the
 * {@link RetryPolicy} says; payment links and refunds are never sent twice blindly (see {@link Payments}). No call
 * takes longer than the call timeout, retries included.
 */
public final class TochkaClient {

    /** The bank's production API. */
    public static final String PRODUCTION_URL = "https://enter.tochka.com/uapi";

    /** The bank's sandbox: fixed answers, links that can never be paid. */
    public static final String SANDBOX_URL = "https://enter.tochka.com/sandbox/v2";

    /** The token the bank's sandbox takes (and this project's {@code /sandbox/v2}). */
    public static final String SANDBOX_TOKEN = "sandbox.jwt.token";

    private static final String KEY_PATH = "doc/openapi/static/keys/public";

    private final URI baseUrl;
    private final @Nullable String customerCode;
    private final Customers customers;
    private final Payments payments;
    private final Consents consents;
    private final Webhooks webhooks;
    private final WebhookVerifier webhookVerifier;

    private TochkaClient(Builder builder, URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.customerCode = builder.customerCode;
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (builder.proxy != null) http.proxy(builder.proxy);
        if (builder.executor != null) http.executor(builder.executor);
        if (builder.sslContext != null) http.sslContext(builder.sslContext);
        HttpClient client = http.build();
        Transport transport = new Transport(
                client,
                baseUrl,
                token,
                builder.requestTimeout,
                builder.callTimeout,
                builder.retryPolicy,
                builder.logging,
                builder.listener);
        this.customers = new Customers(transport, customerCode);
        this.payments = new Payments(transport, customerCode, builder.clock);
        this.consents = new Consents(transport);
        this.webhooks = new Webhooks(transport);
        // The bank's key ships with the SDK; another server's is fetched, through this client's proxy and TLS.
        URI keyUrl = webhookKeyUrl();
        WebhookVerifier.Builder verifier =
                WebhookVerifier.builder().keyUrl(keyUrl).httpClient(client);
        if (keyUrl.equals(WebhookVerifier.BANK_KEY_URL)) verifier.initialKey(WebhookVerifier.bankKeyJwk());
        this.webhookVerifier = verifier.build();
    }

    /** A new builder: choose a base URL (or {@code production()}/{@code sandbox()}) and a token. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API's base URL, ending in {@code /}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The company calls are for unless they name another, or null. */
    public @Nullable String customerCode() {
        return customerCode;
    }

    /** Companies and their retail points. */
    public Customers customers() {
        return customers;
    }

    /** Payment links: create, read, list, refund, capture, registry. */
    public Payments payments() {
        return payments;
    }

    /** The application's consents. */
    public Consents consents() {
        return consents;
    }

    /** The application's webhook subscription. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * Checks the webhooks that this base URL's bank sends: the real bank's with the key shipped in the SDK (fetched
     * anew only when the bank rotates it), another server's with the key at {@link #webhookKeyUrl()}.
     */
    public WebhookVerifier webhookVerifier() {
        return webhookVerifier;
    }

    /**
     * Where the bank publishes its webhook key for this base URL: {@code doc/openapi/static/keys/public} beside the
     * API's {@code uapi/} or {@code sandbox/v2/} (at the root of the host, or under the prefix a server is proxied at).
     */
    public URI webhookKeyUrl() {
        String path = baseUrl.getPath();
        for (String api : new String[] {"uapi/", "sandbox/v2/"}) {
            if (path.endsWith("/" + api))
                return baseUrl.resolve(path.substring(0, path.length() - api.length()) + KEY_PATH);
        }
        return baseUrl.resolve("/" + KEY_PATH);
    }

    /** Builds a {@link TochkaClient}; every setter checks its value at once. */
    public static final class Builder {
        private @Nullable URI baseUrl;
        private @Nullable String token;
        private @Nullable String customerCode;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private @Nullable ProxySelector proxy;
        private @Nullable Executor executor;
        private @Nullable SSLContext sslContext;
        private RequestLogging logging = RequestLogging.NONE;
        private CallListener listener = CallListener.none();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The bank's production API, {@value #PRODUCTION_URL}. */
        public Builder production() {
            return baseUrl(PRODUCTION_URL);
        }

        /** The bank's sandbox, {@value #SANDBOX_URL}, with its token {@value #SANDBOX_TOKEN}. */
        public Builder sandbox() {
            return baseUrl(SANDBOX_URL).token(SANDBOX_TOKEN);
        }

        /** Any server that speaks the bank's API, e.g. {@code http://localhost:8080/uapi}. */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            return baseUrl(URI.create(baseUrl));
        }

        /** Any server that speaks the bank's API; http or https, absolute. */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if ((!"https".equals(scheme) && !"http".equals(scheme)) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
            }
            if (baseUrl.getUserInfo() != null) {
                throw new IllegalArgumentException(
                        "baseUrl must not carry a user or password: the token authenticates");
            }
            if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
                throw new IllegalArgumentException("baseUrl must have no query or fragment: " + baseUrl);
            }
            String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
            this.baseUrl = path.endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
            return this;
        }

        /** The JWT key from the bank's "Integrations and API" page (or an OAuth access token). */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("token must be printable ASCII without spaces (a JWT)");
            }
            this.token = token;
            return this;
        }

        /** The company calls are for unless they name another (the guide's {@code customerCode}). */
        public Builder customerCode(String customerCode) {
            this.customerCode = Objects.requireNonNull(customerCode, "customerCode");
            return this;
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one try waits for its answer; default 30 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** How long a call may take in all, retries, waits and lookups included; default 60 s. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = positive(callTimeout, "callTimeout");
            return this;
        }

        /** How reads are retried; default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The proxy to reach the bank through, e.g. {@code ProxySelector.of(new InetSocketAddress(host, port))}. */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** Where asynchronous work and answers run; default the JDK HTTP client's own pool. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The TLS context, e.g. one that also trusts the Russian Trusted Root CA that the bank's certificate chains
         * to (see the README); default the JDK's.
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** What is logged of each try; default nothing. Tokens are never logged. */
        public Builder logging(RequestLogging logging) {
            this.logging = Objects.requireNonNull(logging, "logging");
            return this;
        }

        /** Hears every finished call, for metrics. */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock that dates lookups (the bank's days are Moscow's); default the system's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException without a base URL or token, or when the call timeout is shorter than
         *     one try's
         */
        public TochkaClient build() {
            URI url = baseUrl;
            String key = token;
            if (url == null)
                throw new IllegalStateException("no base URL: call production(), sandbox() or baseUrl(...)");
            if (key == null) throw new IllegalStateException("no token: call token(...) with the JWT key");
            if (callTimeout.compareTo(requestTimeout) < 0) {
                throw new IllegalStateException(
                        "callTimeout " + callTimeout + " is shorter than requestTimeout " + requestTimeout);
            }
            return new TochkaClient(this, url, key);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(name + " must be positive and at most an hour: " + value);
            }
            return value;
        }
    }
}
