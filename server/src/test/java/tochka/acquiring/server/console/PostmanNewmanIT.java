package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The Postman collection and environment, downloaded from the console as a user would, run by newman (Postman's
 * command-line runner) against the running server: the guide's walkthrough end to end. Fails, never skips, without
 * newman: {@code ./test} installs it.
 */
class PostmanNewmanIT {

    /** Where {@code ./test} installs newman when it is not on the PATH. */
    static final Path INSTALLED =
            Path.of(System.getProperty("user.home"), ".cache/tochka/newman/node_modules/.bin/newman");

    private static final long DEADLINE_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTALL = "the Postman test needs newman (Node.js): run ./test, which installs it,"
            + " or npm install --prefix ~/.cache/tochka/newman newman@6 (or npm install -g newman), or set"
            + " TOCHKA_NEWMAN to its path";

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    @Test
    void the_downloaded_collection_runs_the_guides_walkthrough_with_newman() throws Exception {
        PageClient admin = ConsoleLogin.admin(server);
        String collection =
                admin.get(DevelopersSection.COLLECTION).expectStatus(200).body();
        String environment =
                admin.get(DevelopersSection.ENVIRONMENT).expectStatus(200).body();

        Run run = run(collection, environment);

        assertThat(run.exitCode()).as("newman's exit code:%n%s", run.output()).isZero();
        String operationId = variable(run.exported(), "operationId");
        assertThat(variable(run.exported(), "customerCode")).isEqualTo(server.customerCode());
        assertThat(variable(run.exported(), "merchantId")).isEqualTo(server.merchantId());
        assertThat(server.status(operationId))
                .as("the walkthrough's payment, read through the API")
                .isEqualTo("REFUNDED");
    }

    @Test
    void the_test_scripts_stop_the_run_at_a_wrong_answer() throws Exception {
        PageClient admin = ConsoleLogin.admin(server);
        String collection =
                admin.get(DevelopersSection.COLLECTION).expectStatus(200).body();
        ObjectNode environment = (ObjectNode) JSON.readTree(
                admin.get(DevelopersSection.ENVIRONMENT).expectStatus(200).body());
        for (JsonNode variable : environment.get("values")) {
            if (variable.get("key").asText().equals("admin_token")) ((ObjectNode) variable).put("value", "");
        }

        Run run = run(collection, JSON.writeValueAsString(environment));

        assertThat(run.exitCode()).as("newman's exit code:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("Оплачено: 200").doesNotContain("Возврат принят");
        String operationId = variable(run.exported(), "operationId");
        assertThat(server.api()
                        .get("/acquiring/v1.0/payments/" + operationId)
                        .expectStatus(200)
                        .data()
                        .get("Operation")
                        .get(0)
                        .get("status")
                        .asText())
                .as("the link the run made and could not pay")
                .isEqualTo("CREATED");
    }

    /** How a newman run ended: its exit code, what it printed, and the environment as it left it. */
    private record Run(int exitCode, String output, JsonNode exported) {}

    /** Runs newman on {@code collection} with {@code environment}, stopping at the first failure, under a deadline. */
    private static Run run(String collection, String environment) throws IOException, InterruptedException {
        Path newman = newman();
        Path dir = Files.createTempDirectory("tochka-postman");
        try {
            Path collectionFile = Files.writeString(dir.resolve("collection.json"), collection);
            Path environmentFile = Files.writeString(dir.resolve("environment.json"), environment);
            Path exported = dir.resolve("exported-environment.json");
            Path log = dir.resolve("newman.log");
            Process process = new ProcessBuilder(
                            newman.toString(),
                            "run",
                            collectionFile.toString(),
                            "-e",
                            environmentFile.toString(),
                            "--bail",
                            "--color",
                            "off",
                            "--disable-unicode",
                            "--timeout",
                            String.valueOf(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS - 10)),
                            "--export-environment",
                            exported.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
            if (!finished) process.destroyForcibly().waitFor();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished)
                    .as("newman finished within %d s:%n%s", DEADLINE_SECONDS, output)
                    .isTrue();
            assertThat(exported)
                    .as("the environment newman exports:%n%s", output)
                    .exists();
            return new Run(
                    process.exitValue(),
                    output,
                    JSON.readTree(exported.toFile()).get("values"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
            }
        }
    }

    /** newman: TOCHKA_NEWMAN, else where ./test installs it, else on the PATH; fails with how to install it. */
    static Path newman() {
        String configured = System.getenv("TOCHKA_NEWMAN");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            assertThat(path).as("TOCHKA_NEWMAN=%s; %s", configured, INSTALL).isExecutable();
            return path;
        }
        if (Files.isExecutable(INSTALLED)) return INSTALLED;
        String pathVariable = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.of(pathVariable.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "newman"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(INSTALL));
    }

    private static String variable(JsonNode values, String key) {
        for (JsonNode variable : values) {
            if (variable.get("key").asText().equals(key))
                return variable.get("value").asText();
        }
        throw new AssertionError("no variable " + key + " in " + values);
    }
}
