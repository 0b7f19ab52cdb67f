package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.testkit.TestServer;

/**
 * The packaged {@code tochka.jar} as a separate process, as a user and a CI script run it: settings from real
 * environment variables, exit codes, and output on a pipe without escape sequences.
 */
class CliProcessIT {

    private static final Path JAR =
            Path.of(System.getProperty("tochka.jar", "target/tochka.jar")).toAbsolutePath();

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("TOCHKA_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("tochka %s finished", command)
                .isTrue();
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reads_the_connection_from_the_environment_and_prints_plain_text_on_a_pipe() throws Exception {
        Map<String, String> demoEnv = Map.of("TOCHKA_BASE_URL", server.apiUrl(), "TOCHKA_TOKEN", server.demoToken());
        Run table = run(demoEnv, "customers");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains(server.customerCode()).doesNotContain("\033[");

        Run json = run(demoEnv, "customers", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode customers = new ObjectMapper().readTree(json.out());
        assertThat(customers.findValuesAsText("customerCode")).contains(server.customerCode());
        assertThat(json.err()).isEmpty();
    }

    @Test
    void fails_with_the_documented_exit_codes_and_a_next_step_on_stderr() throws Exception {
        Run noToken = run(Map.of("TOCHKA_BASE_URL", server.apiUrl()), "customers");
        assertThat(noToken.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(noToken.out()).isEmpty();
        assertThat(noToken.err()).startsWith("error: no token").contains("TOCHKA_TOKEN");

        Run usage = run(Map.of(), "customers", "--no-such-flag");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);

        Run unreachable = run(Map.of("TOCHKA_BASE_URL", "http://127.0.0.1:1/uapi", "TOCHKA_TOKEN", "x"), "customers");
        assertThat(unreachable.exitCode()).as(unreachable.err()).isEqualTo(ExitCodes.NETWORK);
    }
}
