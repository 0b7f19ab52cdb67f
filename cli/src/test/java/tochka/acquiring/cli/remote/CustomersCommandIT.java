package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.testkit.TestServer;

/** {@code tochka customers}, and the connection settings every API command shares, against the real server. */
class CustomersCommandIT {

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

    @Test
    void lists_the_companies_of_the_token_as_a_table_and_as_json() {
        Cli.Run table = cli.run("customers").ok();
        assertThat(table.out())
                .startsWith("CUSTOMER CODE")
                .contains(server.customerCode())
                .contains("Business");

        JsonNode json = cli.run("customers", "--json").ok().json();
        assertThat(json.isArray()).isTrue();
        assertThat(json.findValuesAsText("customerCode")).contains(server.customerCode());
        assertThat(json.get(0).has("customerType")).isTrue();
    }

    @Test
    void takes_the_connection_from_flags_when_the_environment_has_none() {
        Cli.Run run = Cli.bare()
                .run("customers", "--base-url", server.apiUrl(), "--token", server.demoToken())
                .ok();
        assertThat(run.out()).contains(server.customerCode());
    }

    @Test
    void reads_a_profile_file_like_demo_env_and_prefers_it_to_the_environment(@TempDir Path directory)
            throws Exception {
        Path demoEnv = directory.resolve("demo.env");
        Files.writeString(
                demoEnv,
                "# written by tochka serve\nTOCHKA_BASE_URL=" + server.apiUrl() + "\nexport TOCHKA_TOKEN=\""
                        + server.demoToken() + "\"\n");
        Cli wrongEnvironment = Cli.bare().with("TOCHKA_TOKEN", "wrong.token.here");

        assertThat(wrongEnvironment
                        .run("customers", "--profile", demoEnv.toString())
                        .ok()
                        .out())
                .contains(server.customerCode());
        wrongEnvironment
                .with("TOCHKA_PROFILE", demoEnv.toString())
                .run("customers")
                .ok();
        wrongEnvironment
                .run("customers", "--profile", demoEnv.toString(), "--token", "flag.beats.profile")
                .failed(ExitCodes.AUTH);
    }

    @Test
    void finds_a_named_profile_in_the_config_directory(@TempDir Path directory) throws Exception {
        Files.writeString(
                directory.resolve("local.env"),
                "TOCHKA_BASE_URL=" + server.apiUrl() + "\nTOCHKA_TOKEN=" + server.demoToken() + "\n");
        Cli configured = Cli.bare().with("TOCHKA_CONFIG_DIR", directory.toString());

        configured.run("customers", "--profile", "local").ok();
        Cli.Run missing = configured.run("customers", "--profile", "bank").failed(ExitCodes.REJECTED);
        assertThat(missing.err()).contains("bank.env");
    }

    @Test
    void without_a_token_says_where_to_get_one() {
        Cli.Run run = cli.with("TOCHKA_TOKEN", null).run("customers").failed(ExitCodes.AUTH);
        assertThat(run.err()).contains("no token").contains("data/demo.env");
    }

    @Test
    void a_wrong_token_is_an_auth_failure_that_says_what_to_check() {
        Cli.Run run = cli.with("TOCHKA_TOKEN", "not.a.jwt").run("customers").failed(ExitCodes.AUTH);
        assertThat(run.err()).contains("403").contains("Check the token");
    }

    @Test
    void an_unreachable_server_is_a_network_failure() {
        Cli.Run run = cli.with("TOCHKA_BASE_URL", "http://127.0.0.1:1/uapi")
                .run("customers")
                .failed(ExitCodes.NETWORK);
        assertThat(run.err()).contains("Is the server running");
    }

    @Test
    void a_malformed_base_url_is_refused_before_any_call() {
        Cli.Run run = cli.run("customers", "--base-url", "ftp://x").failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("not an http(s) URL");
    }

    @Test
    void the_sandbox_uses_its_own_token() {
        Cli.Run run = cli.with("TOCHKA_TOKEN", null)
                .run("customers", "--base-url", server.sandboxUrl())
                .ok();
        assertThat(run.out()).contains(server.sandboxCustomerCode());
    }
}
