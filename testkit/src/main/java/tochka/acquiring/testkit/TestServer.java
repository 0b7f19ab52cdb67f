package tochka.acquiring.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;

/**
 * The acquiring server running in this JVM on a free loopback port, over a fresh database: a temporary SQLite file
 * by default, or a new database on an embedded PostgreSQL ({@link TestDatabases}). It serves the bank's API (the
 * demo company and its key, {@link #demoToken()}), the bank's sandbox ({@link #sandboxToken()}), the hosted pages,
 * and the control API that {@link #control()} drives. Close it to stop the server and release its database.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start()) {
 *     MyShop shop = new MyShop(server.apiUrl(), server.demoToken(), server.customerCode());
 *     String operationId = shop.createPaymentLink("100.00");
 *     server.control().pay(operationId);
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    /** The bank's literal sandbox token, as its documentation gives it: {@code /sandbox/v2} accepts it. */
    public static final String SANDBOX_TOKEN = "sandbox.jwt.token";

    private final Application application;
    private final Path dataDir;

    private TestServer(Application application, Path dataDir) {
        this.application = application;
        this.dataDir = dataDir;
    }

    /** A server over a fresh database of the kind {@link TestDatabases#postgres()} chooses (SQLite by default). */
    public static TestServer start() {
        return start(tempDir(), TestDatabases.freshUrl());
    }

    /** A server over a fresh database on the JVM's embedded PostgreSQL, whatever {@link TestDatabases} chooses. */
    public static TestServer startOnPostgres() {
        return start(tempDir(), TestDatabases.freshPostgresUrl());
    }

    /**
     * A server over an existing store (to restart one, or run a second node on it): {@code dbUrl} for PostgreSQL,
     * else SQLite in {@code dataDir}.
     */
    public static TestServer start(Path dataDir, @Nullable String dbUrl) {
        return start(Config.forTests(dataDir, dbUrl));
    }

    /**
     * A server with {@code config}, on the system clock; start from {@link Config#forTests} (a free loopback port,
     * the control API on, a fixed admin token, fast webhook retries) and change what the test needs.
     */
    public static TestServer start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** A server with {@code config} whose own clock runs on {@code clock} ({@link Control} moves it further). */
    public static TestServer start(Config config, Clock clock) {
        Application application =
                Application.builder().config(config).clock(clock).build();
        try {
            application.start();
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
        return new TestServer(application, config.dataDir());
    }

    /** A new, empty temporary directory: for a server's data, or anything else a test keeps on disk. */
    public static Path tempDir() {
        try {
            return Files.createTempDirectory("tochka-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server itself: its database, its key registry, its lifecycle. */
    public Application application() {
        return application;
    }

    /** What the server tells its operator: URLs, the demo company, its key, the admin token, what is switched on. */
    public Application.ServerInfo info() {
        return application.info();
    }

    /** The data directory: the SQLite database (unless on PostgreSQL) and the server's lock. */
    public Path dataDir() {
        return dataDir;
    }

    /** The port the server listens on, on {@code 127.0.0.1}. */
    public int port() {
        return info().port();
    }

    /** The server's root, e.g. {@code http://localhost:41234}: hosted pages, {@code /control/v1}, {@code /admin/v1}. */
    public String url() {
        return info().publicUrl();
    }

    /** The bank's API root ({@code <url>/uapi}), for the demo token. */
    public String apiUrl() {
        return info().apiUrl();
    }

    /** The bank's sandbox root ({@code <url>/sandbox/v2}), for {@link #SANDBOX_TOKEN}. */
    public String sandboxUrl() {
        return info().sandboxUrl();
    }

    /** The demo key's bearer token: every acquiring permission over the demo companies. */
    public String demoToken() {
        return info().demoToken();
    }

    /** The demo key's {@code client_id}: webhooks are registered under it ({@code /webhook/v1.0/<clientId>}). */
    public String clientId() {
        return info().clientId();
    }

    /** The demo business's {@code customerCode}, which payment links are created for. */
    public String customerCode() {
        return info().customerCode();
    }

    /** The demo business's {@code merchantId}. */
    public String merchantId() {
        return info().merchantId();
    }

    /** The bank's literal sandbox token; the same as {@link #SANDBOX_TOKEN}. */
    public String sandboxToken() {
        return SANDBOX_TOKEN;
    }

    /** The sandbox's own Business company (the bank's sandbox {@code customerCode}), which only the sandbox token sees. */
    public String sandboxCustomerCode() {
        return info().sandboxCustomerCode();
    }

    /** The sandbox company's {@code merchantId}. */
    public String sandboxMerchantId() {
        return info().sandboxMerchantId();
    }

    /** The admin token of the control and admin APIs ({@link Config#TEST_ADMIN_TOKEN} unless the config set another). */
    public String adminToken() {
        String token = info().adminToken();
        if (token == null) throw new IllegalStateException("this server kept a stored admin token it cannot show");
        return token;
    }

    /** Pay, decline or authorize a link and move the clock, through the control API. */
    public Control control() {
        return new Control(admin());
    }

    /** The bank API under {@code /uapi} with the demo key. */
    public ApiClient api() {
        return api(demoToken());
    }

    /** The bank API under {@code /uapi} with {@code token}. */
    public ApiClient api(String token) {
        return ApiClient.bearer(apiUrl(), token);
    }

    /** The bank API under {@code /sandbox/v2} with the bank's literal sandbox token. */
    public ApiClient sandbox() {
        return ApiClient.bearer(sandboxUrl(), SANDBOX_TOKEN);
    }

    /** The server's root (health, keys, control, admin) with the admin token as this start knows it. */
    public ApiClient admin() {
        return ApiClient.bearer(url(), String.valueOf(info().adminToken()));
    }

    /** Moves the server's clock forward by {@code minutes}, through the control API. */
    public void advanceClock(long minutes) {
        control().advanceClock(Duration.ofMinutes(minutes));
    }

    /**
     * A payment link of the demo company made through the API, with {@code fields}: the JSON members of its
     * {@code Data} besides {@code customerCode}, e.g. {@code "amount": 10, "purpose": "p", "paymentMode": ["card"]}.
     * Returns its operationId.
     */
    public String link(String fields) {
        return api().post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", %s}}
                        """.formatted(customerCode(), fields))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    /** A card link of the demo company for {@code amount} roubles, paid (APPROVED); returns its operationId. */
    public String paidCardLink(String amount) {
        String operationId = link("\"amount\": " + amount + ", \"purpose\": \"p\", \"paymentMode\": [\"card\"]");
        control().pay(operationId);
        return operationId;
    }

    /** The status of the payment {@code operationId}, as the API gives it ({@code CREATED}, {@code APPROVED}...). */
    public String status(String operationId) {
        return api().get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0)
                .get("status")
                .asText();
    }

    /** Pays {@code operationId} as a buyer would, through the control API; the answer as it came. */
    public ApiResponse simulate(String operationId, String paymentType, String outcome) {
        return control().simulate(operationId, paymentType, outcome);
    }

    /** Stops the server and releases its database; the data directory stays. */
    @Override
    public void close() {
        application.close();
    }
}
