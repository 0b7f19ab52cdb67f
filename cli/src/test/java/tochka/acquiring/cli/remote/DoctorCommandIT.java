package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/** {@code tochka doctor} against the real server: what it finds, in words, and its exit code. */
class DoctorCommandIT {

    private static final List<String> CHECKS =
            List.of("settings", "connection", "token", "permissions", "expiry", "company", "clock", "webhook");

    @TempDir
    Path dir;

    private static TestServer server;
    private static WebhookReceiver receiver;
    private static Cli cli;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        receiver = WebhookReceiver.start();
        cli = Cli.against(server);
        TochkaClient.builder()
                .baseUrl(server.apiUrl())
                .token(server.demoToken())
                .build()
                .webhooks()
                .create(server.clientId(), receiver.url(), List.of(WebhookType.acquiringInternetPayment));
    }

    @AfterAll
    static void stop() {
        receiver.close();
        server.close();
    }

    /** A new key of the demo company with {@code permissions}, expiring at {@code expiresAt} (null: never). */
    private static IssuedKey key(Set<Permission> permissions, @Nullable Instant expiresAt) {
        return server.application()
                .keys()
                .issue("doctor", permissions, Set.of(server.customerCode()), expiresAt, false);
    }

    /** The doctor's --json as check name → status. */
    private static Map<String, String> statuses(JsonNode checks) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode check : checks)
            statuses.put(check.get("check").asText(), check.get("status").asText());
        return statuses;
    }

    private static String detail(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.get("check").asText().equals(name))
                return check.get("detail").asText();
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    @Test
    void the_demo_key_with_its_webhook_is_all_ok() {
        Cli.Run run = cli.run("doctor").ok();
        assertThat(run.out().lines()).hasSize(CHECKS.size()).allMatch(line -> line.startsWith("ok "));
        assertThat(run.out())
                .contains("this project's server " + server.apiUrl() + " from environment TOCHKA_BASE_URL")
                .contains(TokenClaims.mask(server.demoToken()))
                .doesNotContain(server.demoToken())
                .contains("MakeAcquiringOperation")
                .contains(server.merchantId())
                .contains(receiver.url());

        JsonNode json = cli.run("doctor", "--json").ok().json();
        assertThat(json.isArray()).isTrue();
        assertThat(json)
                .allSatisfy(check ->
                        assertThat(check.fieldNames()).toIterable().containsExactly("check", "status", "detail"));
        assertThat(statuses(json))
                .containsOnlyKeys(CHECKS)
                .allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo("ok"));
    }

    @Test
    void says_where_each_setting_came_from() throws IOException {
        JsonNode json = cli.with("TOCHKA_CUSTOMER_CODE", null)
                .run("doctor", "--json", "--token", server.demoToken())
                .ok()
                .json();
        assertThat(detail(json, "settings"))
                .contains("from flag --token")
                .contains("customerCode not set")
                .contains("from environment TOCHKA_BASE_URL");

        Path profile =
                Files.writeString(dir.resolve("shop.env"), "TOCHKA_CUSTOMER_CODE=" + server.customerCode() + "\n");
        JsonNode profiled = cli.run("doctor", "--json", "--profile", profile.toString())
                .ok()
                .json();
        assertThat(detail(profiled, "settings"))
                .contains("customerCode " + server.customerCode() + " from the profile")
                .contains("the profile is " + profile);
    }

    @Test
    void a_key_without_make_acquiring_operation_fails_naming_it_and_the_fix() {
        IssuedKey key = key(
                EnumSet.of(Permission.ReadCustomerData, Permission.ReadAcquiringData, Permission.ManageWebhookData),
                null);

        Cli.Run run = cli.with("TOCHKA_TOKEN", key.token())
                .with("TOCHKA_CLIENT_ID", null)
                .run("doctor")
                .failed(ExitCodes.CHECK_FAILED);

        assertThat(run.out())
                .containsPattern("(?m)^fail permissions +the token lacks MakeAcquiringOperation: issue a key with"
                        + " MakeAcquiringOperation in the console")
                .containsPattern("(?m)^warn webhook +no webhook: the shop will not hear about payments; tochka"
                        + " webhooks set URL")
                .containsPattern("(?m)^ok +token ");
    }

    @Test
    void a_key_expiring_within_a_week_is_a_warning_not_a_failure() {
        IssuedKey key = key(DoctorCommand.ACQUIRING, Instant.now().plus(Duration.ofDays(3)));

        JsonNode json = cli.with("TOCHKA_TOKEN", key.token())
                .with("TOCHKA_CLIENT_ID", null)
                .run("doctor", "--json")
                .ok()
                .json();

        assertThat(statuses(json)).containsEntry("expiry", "warn").containsEntry("permissions", "ok");
        assertThat(detail(json, "expiry")).contains("the key expires").contains("issue a new key");
    }

    @Test
    void a_revoked_token_fails_saying_so_and_leaves_the_rest_unchecked() {
        IssuedKey key = key(DoctorCommand.ACQUIRING, null);
        server.application().keys().revoke(key.key().clientId());

        Cli.Run run = cli.with("TOCHKA_TOKEN", key.token()).run("doctor").failed(ExitCodes.CHECK_FAILED);

        assertThat(run.out())
                .containsPattern("(?m)^ok +connection ")
                .containsPattern("(?m)^fail token +refused: .*403.*Check the token")
                .containsPattern("(?m)^warn permissions +not checked: the token was refused");
    }

    @Test
    void an_unreachable_server_fails_with_the_hint() {
        JsonNode json = cli.with("TOCHKA_BASE_URL", "http://127.0.0.1:1/uapi")
                .run("doctor", "--json")
                .failed(ExitCodes.CHECK_FAILED)
                .json();

        assertThat(statuses(json)).containsEntry("settings", "ok").containsEntry("connection", "fail");
        assertThat(detail(json, "connection")).contains("Is the server running");
        assertThat(detail(json, "permissions")).contains("not checked: the server could not be reached");
    }

    @Test
    void no_token_fails_the_settings_with_where_to_get_one() {
        Cli.Run run = cli.with("TOCHKA_TOKEN", null).run("doctor").failed(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).containsPattern("(?m)^fail settings .*no token: set TOCHKA_TOKEN");
    }
}
