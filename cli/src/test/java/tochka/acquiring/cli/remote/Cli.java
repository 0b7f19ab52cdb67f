package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import tochka.acquiring.cli.TochkaCli;
import tochka.acquiring.testkit.TestServer;

/**
 * Runs {@code tochka} commands in this JVM, as a user would type them, with an environment of the test's choosing:
 * by default the one {@code data/demo.env} gives for {@code server}.
 */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;

    private Cli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment of {@code set -a; . data/demo.env; set +a} for {@code server}. */
    static Cli against(TestServer server) {
        Map<String, String> environment = new HashMap<>();
        environment.put("TOCHKA_SERVER_URL", server.url());
        environment.put("TOCHKA_BASE_URL", server.apiUrl());
        environment.put("TOCHKA_TOKEN", server.demoToken());
        environment.put("TOCHKA_CLIENT_ID", server.clientId());
        environment.put("TOCHKA_CUSTOMER_CODE", server.customerCode());
        environment.put("TOCHKA_MERCHANT_ID", server.merchantId());
        environment.put("TOCHKA_ADMIN_TOKEN", server.adminToken());
        return new Cli(environment);
    }

    /** No environment at all: everything by flag. */
    static Cli bare() {
        return new Cli(Map.of());
    }

    /** This environment with {@code name} set to {@code value}, or removed when {@code value} is null. */
    Cli with(String name, @Nullable String value) {
        Map<String, String> changed = new HashMap<>(environment);
        if (value == null) changed.remove(name);
        else changed.put(name, value);
        return new Cli(changed);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TochkaCli.commandLine(environment);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(String.join(" ", args), exitCode, out.toString(), err.toString());
    }

    /** What a command did: its exit code, stdout and stderr. */
    record Run(String command, int exitCode, String out, String err) {

        /** Asserts the command succeeded (showing its stderr if not); returns this run. */
        Run ok() {
            assertThat(exitCode).as("tochka %s: %s", command, err).isZero();
            return this;
        }

        /** Asserts the command failed with {@code expected}; returns this run. */
        Run failed(int expected) {
            assertThat(exitCode)
                    .as("tochka %s: out %s err %s", command, out, err)
                    .isEqualTo(expected);
            return this;
        }

        /** Stdout as JSON (for {@code --json} runs). */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("tochka " + command + " printed no JSON: " + out, e);
            }
        }
    }
}
