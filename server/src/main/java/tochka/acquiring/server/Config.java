package tochka.acquiring.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.webhooks.WebhookPolicy;

/**
 * Everything the server is started with. {@code dbUrl} null means SQLite in {@code dataDir}; {@code publicUrl}
 * null means {@code http://localhost:<port>}. {@code controlEnabled}, {@code adminEnabled} and
 * {@code sandboxEnabled} turn the test-control API ({@code /control/v1}), the admin API ({@code /admin/v1}) and the
 * bank's sandbox ({@code /sandbox/v2}) on; off, their paths answer 404. {@code adminToken} non-null sets the admin
 * token (its hash replaces the stored one); null keeps the stored one, or makes a random one on first start.
 * {@code consolePassword} is the password of the console's first admin, made on first start when there is no
 * user yet; null makes a random one-time password, to be changed at the first sign-in.
 *
 * <p>Build one with {@link #builder(Path)} (or change one with {@link #toBuilder()}) rather than the positional
 * constructor: thirteen components are too many to pass by position.
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
        @Nullable String consolePassword,
        WebhookPolicy webhooks) {

    /** Webhooks for tests: the bank's 30 attempts, but 200 ms apart and a 2 s timeout, so retries take no time. */
    public static final WebhookPolicy TEST_WEBHOOKS =
            new WebhookPolicy(30, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), List.of());

    /**
     * The admin token of test servers: fixed, so that a restarted server (or another node, or a server in another
     * process) accepts what the test already holds. A real server's is random unless its operator sets one.
     */
    public static final String TEST_ADMIN_TOKEN = "adm_for_tests_only_0123456789abcdef";

    /** The password of test servers' first console admin ({@code admin}): fixed, as the admin token is. */
    public static final String TEST_CONSOLE_PASSWORD = "console-for-tests-only";

    /**
     * A config over SQLite in {@code dataDir}, listening on {@code 127.0.0.1:8080}, with the control, admin and
     * sandbox APIs on, the bank's webhook schedule, and the stored (or a new random) admin token: what
     * {@code tochka serve} starts with when given no options.
     */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** A server on SQLite in {@code dataDir} (or PostgreSQL at {@code dbUrl}), on a free loopback port. */
    public static Config forTests(Path dataDir, @Nullable String dbUrl) {
        return builder(dataDir)
                .port(0)
                .dbUrl(dbUrl)
                .adminToken(TEST_ADMIN_TOKEN)
                .consolePassword(TEST_CONSOLE_PASSWORD)
                .webhooks(TEST_WEBHOOKS)
                .build();
    }

    /** A builder holding this config's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(dataDir)
                .host(host)
                .port(port)
                .dbUrl(dbUrl)
                .dbUser(dbUser)
                .dbPassword(dbPassword)
                .publicUrl(publicUrl)
                .controlEnabled(controlEnabled)
                .adminEnabled(adminEnabled)
                .sandboxEnabled(sandboxEnabled)
                .adminToken(adminToken)
                .consolePassword(consolePassword)
                .webhooks(webhooks);
    }

    public Config withWebhooks(WebhookPolicy policy) {
        return toBuilder().webhooks(policy).build();
    }

    public Config withoutControl() {
        return toBuilder().controlEnabled(false).build();
    }

    public Config withoutAdmin() {
        return toBuilder().adminEnabled(false).build();
    }

    public Config withoutSandbox() {
        return toBuilder().sandboxEnabled(false).build();
    }

    /** {@code token} null: the stored admin token (or a random one on first start) instead of a set one. */
    public Config withAdminToken(@Nullable String token) {
        return toBuilder().adminToken(token).build();
    }

    /** Collects a {@link Config} by name; every setter returns the builder, {@link #build()} makes the record. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Path dataDir;
        private @Nullable String dbUrl;
        private @Nullable String dbUser;
        private @Nullable String dbPassword;
        private @Nullable String publicUrl;
        private boolean controlEnabled = true;
        private boolean adminEnabled = true;
        private boolean sandboxEnabled = true;
        private @Nullable String adminToken;
        private @Nullable String consolePassword;
        private WebhookPolicy webhooks = WebhookPolicy.BANK;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The address to listen on: {@code 127.0.0.1} unless set; {@code 0.0.0.0} for all. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The HTTP port: 8080 unless set; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The SQLite database's directory (and the server's lock and {@code demo.env}). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** A {@code jdbc:postgresql://} URL to use instead of SQLite in the data directory; null for SQLite. */
        public Builder dbUrl(@Nullable String dbUrl) {
            this.dbUrl = dbUrl;
            return this;
        }

        public Builder dbUser(@Nullable String dbUser) {
            this.dbUser = dbUser;
            return this;
        }

        public Builder dbPassword(@Nullable String dbPassword) {
            this.dbPassword = dbPassword;
            return this;
        }

        /** The base of every absolute URL the server writes; null for {@code http://localhost:<port>}. */
        public Builder publicUrl(@Nullable String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        public Builder controlEnabled(boolean controlEnabled) {
            this.controlEnabled = controlEnabled;
            return this;
        }

        public Builder adminEnabled(boolean adminEnabled) {
            this.adminEnabled = adminEnabled;
            return this;
        }

        public Builder sandboxEnabled(boolean sandboxEnabled) {
            this.sandboxEnabled = sandboxEnabled;
            return this;
        }

        /** The admin token to set; null keeps the stored one (or makes a random one on first start). */
        public Builder adminToken(@Nullable String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /** The first console admin's password, used only when there is no user yet; null makes a one-time one. */
        public Builder consolePassword(@Nullable String consolePassword) {
            this.consolePassword = consolePassword;
            return this;
        }

        public Builder webhooks(WebhookPolicy webhooks) {
            this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
            return this;
        }

        public Config build() {
            return new Config(
                    host,
                    port,
                    dataDir,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    publicUrl,
                    controlEnabled,
                    adminEnabled,
                    sandboxEnabled,
                    adminToken,
                    consolePassword,
                    webhooks);
        }
    }
}
