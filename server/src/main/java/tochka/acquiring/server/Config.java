package tochka.acquiring.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.webhooks.WebhookPolicy;

/**
 * Everything the server is started with. {@code dbUrl} null means SQLite in {@code dataDir}; {@code publicUrl}
 * null means {@code http://localhost:<port>}. {@code controlEnabled}, {@code adminEnabled} and
 * {@code sandboxEnabled} turn the test-control API ({@code /control/v1}), the admin API ({@code /admin/v1}) and the
 * bank's sandbox ({@code /sandbox/v2}) on; off, their paths answer 404. {@code adminToken} non-null sets the admin
 * token (its hash replaces the stored one); null keeps the stored one, or makes a random one on first start.
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        @Nullable String dbUrl,
        @Nullable String dbUser,
        @Nullable String dbPassword,
        @Nullable String publicUrl,
        boolean controlEnabled,
        boolean adminEnabled,
        boolean sandboxEnabled,
        @Nullable String adminToken,
        WebhookPolicy webhooks) {

    /** Webhooks for tests: the bank's 30 attempts, but 200 ms apart and a 2 s timeout, so retries take no time. */
    public static final WebhookPolicy TEST_WEBHOOKS =
            new WebhookPolicy(30, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), List.of());

    /**
     * The admin token of test servers: fixed, so that a restarted server (or another node, or a server in another
     * process) accepts what the test already holds. A real server's is random unless its operator sets one.
     */
    public static final String TEST_ADMIN_TOKEN = "adm_for_tests_only_0123456789abcdef";

    /** A server on SQLite in {@code dataDir} (or PostgreSQL at {@code dbUrl}), on a free loopback port. */
    public static Config forTests(Path dataDir, @Nullable String dbUrl) {
        return new Config("127.0.0.1", 0, dataDir, dbUrl, null, null, null, true, true, true, TEST_ADMIN_TOKEN,
                TEST_WEBHOOKS);
    }

    public Config withWebhooks(WebhookPolicy policy) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, controlEnabled, adminEnabled,
                sandboxEnabled, adminToken, policy);
    }

    public Config withoutControl() {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, false, adminEnabled,
                sandboxEnabled, adminToken, webhooks);
    }

    public Config withoutAdmin() {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, controlEnabled, false,
                sandboxEnabled, adminToken, webhooks);
    }

    public Config withoutSandbox() {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, controlEnabled, adminEnabled,
                false, adminToken, webhooks);
    }

    /** {@code token} null: the stored admin token (or a random one on first start) instead of a set one. */
    public Config withAdminToken(@Nullable String token) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, controlEnabled, adminEnabled,
                sandboxEnabled, token, webhooks);
    }
}
