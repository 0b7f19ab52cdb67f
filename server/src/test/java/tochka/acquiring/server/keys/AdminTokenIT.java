package tochka.acquiring.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Config;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * The admin token is random, independent of the signing key, and stored only as its SHA-256: reading the database
 * no longer gives admin. A restart keeps it; an operator's token replaces it on every node.
 */
class AdminTokenIT {

    private static ApiClient admin(TestServer server, String token) {
        return ApiClient.bearer(server.info().publicUrl(), token);
    }

    private static void accepted(TestServer server, String token) {
        admin(server, token).get("/admin/v1/webhooks/deliveries").expectStatus(200);
    }

    private static void refused(TestServer server, String token) {
        admin(server, token).get("/admin/v1/webhooks/deliveries").expectError(403, "admin token");
    }

    @Test
    void a_first_start_makes_a_random_token_that_the_database_holds_only_hashed_and_a_restart_keeps() throws Exception {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        Config config = Config.forTests(dataDir, dbUrl).withAdminToken(null);
        String token;
        try (TestServer first = TestServer.start(config)) {
            token = java.util.Objects.requireNonNull(first.info().adminToken());
            assertThat(token).startsWith("adm_").hasSize(52);
            accepted(first, token);
            refused(first, token + "x");
            refused(first, token.toUpperCase(java.util.Locale.ROOT));

            String dump = first.application()
                    .database()
                    .transactions()
                    .withHandle(handle -> String.join(
                            "\n",
                            handle.createQuery("SELECT name || '=' || value FROM setting")
                                    .mapTo(String.class)
                                    .list()));
            assertThat(dump)
                    .doesNotContain(token)
                    .doesNotContain(token.substring(4))
                    .contains("admin_token_sha256=" + sha256(token));
            if (dbUrl == null) {
                assertThat(new String(Files.readAllBytes(dataDir.resolve("tochka.db")), StandardCharsets.ISO_8859_1))
                        .doesNotContain(token.substring(4));
            }
        }
        try (TestServer second = TestServer.start(config)) {
            assertThat(second.info().adminToken())
                    .as("only its hash is known now")
                    .isNull();
            assertThat(second.application().isAdminToken(token)).isTrue();
            accepted(second, token);
        }
    }

    @Test
    void two_servers_have_different_tokens_whatever_their_signing_keys() {
        try (TestServer one = TestServer.start(Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl())
                        .withAdminToken(null));
                TestServer two = TestServer.start(Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl())
                        .withAdminToken(null))) {
            assertThat(one.info().adminToken()).isNotEqualTo(two.info().adminToken());
            refused(one, java.util.Objects.requireNonNull(two.info().adminToken()));
        }
    }

    @Test
    void an_operators_token_replaces_the_stored_one() {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        String made;
        try (TestServer first = TestServer.start(Config.forTests(dataDir, dbUrl).withAdminToken(null))) {
            made = java.util.Objects.requireNonNull(first.info().adminToken());
        }
        String chosen = "operator-chosen-token-42";
        try (TestServer second =
                TestServer.start(Config.forTests(dataDir, dbUrl).withAdminToken(chosen))) {
            assertThat(second.info().adminToken()).isEqualTo(chosen);
            accepted(second, chosen);
            refused(second, made);
            second.advanceClock(1);
        }
    }

    @Test
    void a_short_operator_token_is_refused_at_start() {
        assertThatThrownBy(() -> TestServer.start(Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl())
                        .withAdminToken("short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
