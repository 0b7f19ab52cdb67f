package tochka.acquiring.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;

/** A real server on a free port over a fresh database, with clients for its API, its sandbox and its control API. */
public final class TestServer implements AutoCloseable {

    private final Application application;
    private final Path dataDir;

    private TestServer(Application application, Path dataDir) {
        this.application = application;
        this.dataDir = dataDir;
    }

    public static TestServer start() {
        return start(tempDir(), TestDatabases.freshUrl());
    }

    /** A server over an existing store: {@code dbUrl} for PostgreSQL, else SQLite in {@code dataDir}. */
    public static TestServer start(Path dataDir, @Nullable String dbUrl) {
        return start(Config.forTests(dataDir, dbUrl));
    }

    public static TestServer start(Config config) {
        return new TestServer(Application.builder().config(config).clock(Clock.systemUTC()).build().start(), config.dataDir());
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("tochka-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Application application() {
        return application;
    }

    public Application.ServerInfo info() {
        return application.info();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The bank API under {@code /uapi} with the demo key. */
    public ApiClient api() {
        return api(info().demoToken());
    }

    /** The bank API under {@code /uapi} with {@code token}. */
    public ApiClient api(String token) {
        return new ApiClient(info().apiUrl(), "Bearer " + token);
    }

    /** The bank API under {@code /sandbox/v2} with the bank's literal sandbox token. */
    public ApiClient sandbox() {
        return new ApiClient(info().sandboxUrl(), "Bearer sandbox.jwt.token");
    }

    /** The sandbox's own Business company (the bank's sandbox customerCode), which only the sandbox token sees. */
    public String sandboxCustomerCode() {
        return info().sandboxCustomerCode();
    }

    /** The server's root (health, keys, control) with the admin token. */
    public ApiClient admin() {
        return new ApiClient(info().publicUrl(), "Bearer " + info().adminToken());
    }

    /** Moves the server's clock forward, through the control API. */
    public void advanceClock(long minutes) {
        admin().post("/control/v1/clock/advance", "{\"minutes\": " + minutes + "}").expectStatus(200);
    }

    /** A card link of the demo company for {@code amount} roubles, paid (APPROVED); returns its operationId. */
    public String paidCardLink(String amount) {
        String operationId = api().post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": %s, "purpose": "p", "paymentMode": ["card"]}}
                """.formatted(info().customerCode(), amount)).expectStatus(200).data().get("operationId").asText();
        simulate(operationId, "card", "approve").expectStatus(200);
        return operationId;
    }

    /** Pays {@code operationId} as a buyer would, through the control API. */
    public ApiResponse simulate(String operationId, String paymentType, String outcome) {
        return admin().post("/control/v1/payments/" + operationId + "/simulate",
                "{\"paymentType\": \"" + paymentType + "\", \"outcome\": \"" + outcome + "\"}");
    }

    @Override
    public void close() {
        application.close();
    }
}
