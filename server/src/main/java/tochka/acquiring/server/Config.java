package tochka.acquiring.server;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.webhooks.WebhookPolicy;

/**
 * Everything the server is started with. {@code dbUrl} null means SQLite in {@code dataDir}; {@code publicUrl}
 * null means {@code http://localhost:<port>}; {@code adminToken} null means the one derived from the signing key.
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
        @Nullable String adminToken,
        WebhookPolicy webhooks) {

    /** Webhooks for tests: the bank's 30 attempts, but 200 ms apart and a 2 s timeout, so retries take no time. */
    public static final WebhookPolicy TEST_WEBHOOKS =
            new WebhookPolicy(30, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), false);

    /** A server on SQLite in {@code dataDir} (or PostgreSQL at {@code dbUrl}), on a free loopback port. */
    public static Config forTests(Path dataDir, @Nullable String dbUrl) {
        return new Config("127.0.0.1", 0, dataDir, dbUrl, null, null, null, true, null, TEST_WEBHOOKS);
    }

    public Config withWebhooks(WebhookPolicy policy) {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, controlEnabled, adminToken,
                policy);
    }

    public Config withoutControl() {
        return new Config(host, port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, false, adminToken, webhooks);
    }
}
