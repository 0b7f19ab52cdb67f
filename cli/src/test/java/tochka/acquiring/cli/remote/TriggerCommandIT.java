package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.server.Config;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/** {@code tochka trigger}: the buyer and time played through the real server's test-control API. */
class TriggerCommandIT {

    private static TestServer server;
    private static Cli cli;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = Cli.against(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String link(String fields) {
        return server.link("\"amount\": 10, \"purpose\": \"p\", " + fields);
    }

    private static String link() {
        return link("\"paymentMode\": [\"card\", \"sbp\"]");
    }

    private static String status(String operationId) {
        return server.status(operationId);
    }

    @Test
    void approve_pays_the_link_and_prints_its_new_status() {
        String operationId = link();

        Cli.Run run = cli.run("trigger", "approve", operationId).ok();

        assertThat(run.out()).contains(operationId).contains("paid by card").contains("APPROVED");
        assertThat(status(operationId)).isEqualTo("APPROVED");
    }

    @Test
    void approve_by_sbp_prints_the_operation_as_the_server_returned_it_with_json() {
        String operationId = link();

        JsonNode operation = cli.run("trigger", "approve", operationId, "--type", "sbp", "--json")
                .ok()
                .json();

        assertThat(operation.get("operationId").asText()).isEqualTo(operationId);
        assertThat(operation.get("status").asText()).isEqualTo("APPROVED");
        assertThat(operation.get("paymentType").asText()).isEqualTo("sbp");
        assertThat(operation.get("amount").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void decline_leaves_the_link_payable() {
        String operationId = link();

        Cli.Run run = cli.run("trigger", "decline", operationId).ok();

        assertThat(run.out()).contains("declined").contains("CREATED");
        assertThat(status(operationId)).isEqualTo("CREATED");
    }

    @Test
    void authorize_holds_the_money_of_a_two_stage_link() {
        String operationId = link("\"paymentMode\": [\"card\"], \"preAuthorization\": true");

        JsonNode operation =
                cli.run("trigger", "authorize", operationId, "--json").ok().json();

        assertThat(operation.get("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(status(operationId)).isEqualTo("AUTHORIZED");
    }

    @Test
    void authorize_on_a_one_stage_link_is_refused_with_the_servers_words() {
        Cli.Run run = cli.run("trigger", "authorize", link()).failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("400").contains("preAuthorization");
    }

    @Test
    void expire_ends_the_link_now() {
        String operationId = link();

        Cli.Run run = cli.run("trigger", "expire", operationId).ok();

        assertThat(run.out()).contains("expired").contains("EXPIRED");
        assertThat(status(operationId)).isEqualTo("EXPIRED");
        cli.run("trigger", "approve", operationId).failed(ExitCodes.CONFLICT);
    }

    @Test
    void a_second_approve_of_a_paid_link_is_a_conflict() {
        String operationId = link();
        cli.run("trigger", "approve", operationId).ok();

        Cli.Run run = cli.run("trigger", "approve", operationId).failed(ExitCodes.CONFLICT);

        assertThat(run.err()).contains("only a CREATED link can be paid").contains("tochka status");
    }

    @Test
    void an_unknown_operation_is_not_found() {
        Cli.Run run = cli.run("trigger", "approve", "00000000-0000-0000-0000-000000000000")
                .failed(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("404").contains("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void a_wrong_admin_token_is_an_auth_failure_that_says_where_the_right_one_is() {
        String operationId = link();

        Cli.Run run = cli.with("TOCHKA_ADMIN_TOKEN", "wrong").run("trigger", "approve", operationId);

        run.failed(ExitCodes.AUTH);
        assertThat(run.err()).contains("admin token is wrong").contains("data/demo.env");
        assertThat(status(operationId)).isEqualTo("CREATED");
    }

    @Test
    void without_an_admin_token_says_where_to_get_it() {
        Cli.Run run = cli.with("TOCHKA_ADMIN_TOKEN", null)
                .run("trigger", "approve", link())
                .failed(ExitCodes.AUTH);
        assertThat(run.err()).contains("TOCHKA_ADMIN_TOKEN").contains("data/demo.env");
    }

    @Test
    void the_bank_is_refused_in_words_before_any_call() {
        Cli.Run run = Cli.bare()
                .run("trigger", "approve", "x", "--base-url", "production", "--token", "a.b.c")
                .failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("only against this project's server").contains("the bank has no test-control");

        Cli.bare().run("trigger", "expire", "x", "--sandbox").failed(ExitCodes.REJECTED);
    }

    @Test
    void an_unreachable_server_is_a_network_failure() {
        Cli.Run run = cli.with("TOCHKA_SERVER_URL", "http://127.0.0.1:1")
                .run("trigger", "approve", "x")
                .failed(ExitCodes.NETWORK);
        assertThat(run.err()).contains("Is the server running");
    }

    @Test
    void bad_input_is_a_usage_error_that_names_it() {
        assertThat(cli.run("trigger", "pay", "x").failed(ExitCodes.USAGE).err())
                .contains("'pay' is not one of approve, decline, authorize, expire");
        assertThat(cli.run("trigger", "approve", "x", "--type", "cash")
                        .failed(ExitCodes.USAGE)
                        .err())
                .contains("--type cash");
        assertThat(cli.run("trigger", "expire", "x", "--type", "sbp")
                        .failed(ExitCodes.USAGE)
                        .err())
                .contains("not expire");
        cli.run("trigger", "approve", "x".repeat(Inputs.MAX_OPERATION_ID + 1)).failed(ExitCodes.REJECTED);
    }

    @Test
    void a_server_without_test_control_says_so() {
        try (TestServer closed = TestServer.start(
                Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl()).withoutControl())) {
            Cli.Run run = Cli.against(closed).run("trigger", "approve", "x").failed(ExitCodes.NOT_FOUND);
            assertThat(run.err()).contains("--no-control");
        }
    }
}
