package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.testkit.TestServer;

/** {@code tochka postman}: the walkthrough's Postman files for this server, the bank's sandbox and the bank. */
class PostmanCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAY_STEP = "Оплата ссылки (тестовый сервер, control API)";

    private static TestServer server;
    private static Cli cli;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = Cli.against(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode collection() throws IOException {
        return JSON.readTree(
                dir.resolve("tochka-acquiring.postman_collection.json").toFile());
    }

    private JsonNode environment() throws IOException {
        return JSON.readTree(
                dir.resolve("tochka-acquiring.postman_environment.json").toFile());
    }

    private static String variable(JsonNode environment, String key) {
        for (JsonNode value : environment.get("values")) {
            if (value.get("key").asText().equals(key)) return value.get("value").asText();
        }
        throw new AssertionError("no variable " + key + " in " + environment);
    }

    private static List<String> requests(JsonNode collection) {
        List<String> names = new ArrayList<>();
        for (JsonNode folder : collection.get("item")) {
            for (JsonNode request : folder.get("item"))
                names.add(request.get("name").asText());
        }
        return names;
    }

    @Test
    void for_this_server_writes_the_walkthrough_with_its_payment_step_and_the_tokens() throws IOException {
        Cli.Run run = cli.run("postman", "--dir", dir.toString()).ok();

        assertThat(run.out())
                .contains("collection   " + dir.resolve("tochka-acquiring.postman_collection.json"))
                .contains("environment  " + dir.resolve("tochka-acquiring.postman_environment.json"))
                .doesNotContain(server.demoToken());
        assertThat(requests(collection()))
                .containsExactly(
                        "Проверка всех разрешений",
                        "Список компаний",
                        "Список торговых точек",
                        "Создание ссылки на оплату",
                        PAY_STEP,
                        "Информация об операции",
                        "Возврат платежа",
                        "Информация об операции после возврата");
        JsonNode environment = environment();
        assertThat(variable(environment, "AS_URL")).isEqualTo(server.url());
        assertThat(variable(environment, "RS_URL")).isEqualTo(server.apiUrl());
        assertThat(variable(environment, "accesstoken_hybrid")).isEqualTo(server.demoToken());
        assertThat(variable(environment, "client_id")).isEqualTo(server.clientId());
        assertThat(variable(environment, "admin_token")).isEqualTo(server.adminToken());
        for (String file :
                List.of("tochka-acquiring.postman_collection.json", "tochka-acquiring.postman_environment.json")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void without_the_admin_token_the_environment_says_where_to_put_it() throws IOException {
        Cli.Run run = cli.with("TOCHKA_ADMIN_TOKEN", null)
                .run("postman", "--dir", dir.toString())
                .ok();
        assertThat(run.err()).contains("admin_token");
        assertThat(variable(environment(), "admin_token")).isEmpty();
        assertThat(requests(collection())).contains(PAY_STEP);
    }

    @Test
    void for_the_banks_sandbox_points_at_the_bank_and_leaves_out_the_payment_step() throws IOException {
        Cli.Run run =
                Cli.bare().run("postman", "--sandbox", "--dir", dir.toString()).ok();

        assertThat(run.err()).contains("open the paymentLink in a browser");
        JsonNode collection = collection();
        assertThat(requests(collection)).doesNotContain(PAY_STEP).contains("Создание ссылки на оплату");
        assertThat(collection.get("info").get("description").asText()).contains("в браузере");
        assertThat(collection.toString()).doesNotContain("control/v1").doesNotContain("admin_token");
        JsonNode environment = environment();
        assertThat(variable(environment, "RS_URL")).isEqualTo("https://enter.tochka.com/sandbox/v2");
        assertThat(variable(environment, "AS_URL")).isEqualTo("https://enter.tochka.com");
        assertThat(variable(environment, "accesstoken_hybrid")).isEqualTo("sandbox.jwt.token");
        assertThat(environment.findValuesAsText("key")).doesNotContain("admin_token");
    }

    @Test
    void for_the_bank_the_environment_is_the_banks_setting_with_the_token() throws IOException {
        Cli.bare()
                .run("postman", "--base-url", "production", "--token", server.demoToken(), "--dir", dir.toString())
                .ok();

        JsonNode environment = environment();
        assertThat(environment.get("name").asText()).isEqualTo("Setting");
        assertThat(variable(environment, "RS_URL")).isEqualTo("https://enter.tochka.com/uapi");
        assertThat(variable(environment, "accesstoken_hybrid")).isEqualTo(server.demoToken());
        assertThat(variable(environment, "client_id")).isEqualTo(server.clientId());
        assertThat(requests(collection())).doesNotContain(PAY_STEP);
    }

    @Test
    void existing_files_are_kept_unless_forced() throws IOException {
        Path environment = dir.resolve("tochka-acquiring.postman_environment.json");
        Files.writeString(environment, "mine");

        Cli.Run refused = cli.run("postman", "--dir", dir.toString()).failed(ExitCodes.REJECTED);

        assertThat(refused.err()).contains(environment.toString()).contains("--force");
        assertThat(Files.readString(environment)).isEqualTo("mine");
        assertThat(dir.resolve("tochka-acquiring.postman_collection.json")).doesNotExist();

        JsonNode written = cli.run("postman", "--dir", dir.toString(), "--force", "--json")
                .ok()
                .json();
        assertThat(written.get("environment").asText()).isEqualTo(environment.toString());
        assertThat(written.get("collection").asText())
                .isEqualTo(
                        dir.resolve("tochka-acquiring.postman_collection.json").toString());
        assertThat(variable(environment(), "RS_URL")).isEqualTo(server.apiUrl());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(environment)))
                .isEqualTo("rw-------");
    }

    @Test
    void a_missing_directory_is_created() throws IOException {
        Path nested = dir.resolve("a/b");
        cli.run("postman", "--dir", nested.toString()).ok();
        assertThat(nested.resolve("tochka-acquiring.postman_environment.json")).exists();
    }
}
