package tochka.acquiring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tochka serve} as a user runs it: the packaged jar in a process of its own, its banner, demo.env and log. */
class ServeCommandIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private final List<Served> started = new ArrayList<>();

    /** A running {@code serve} process: what it printed on stdout up to the banner's end, and its stderr so far. */
    private record Served(Process process, List<String> banner, List<String> log) {

        /** The first log line that matches, waiting for it. */
        String logLine(Predicate<String> condition) {
            long end = System.nanoTime() + DEADLINE.toNanos();
            do {
                for (String line : log) {
                    if (condition.test(line)) return line;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() < end && process.isAlive());
            throw new AssertionError("no log line matched; the log: " + log);
        }
    }

    private Served serve(String... options) throws IOException {
        return serve(Map.of(), options);
    }

    /** Starts {@code tochka serve} with {@code environment} added to this process's. */
    private Served serve(Map<String, String> environment, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("tochka.jar", "target/tochka.jar"),
                "serve",
                "--port",
                "0",
                "--data",
                data.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        // The test's own environment may hold a developer's sourced demo.env: the server must not take it up.
        builder.environment().remove("TOCHKA_CONSOLE_PASSWORD");
        builder.environment().remove("TOCHKA_ADMIN_TOKEN");
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> log = new CopyOnWriteArrayList<>();
        follow(process.getErrorStream(), log);
        List<String> banner = new ArrayList<>();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            banner.add(line);
            if (line.equals("Press Ctrl-C to stop.")) break;
        }
        Served served = new Served(process, banner, log);
        started.add(served);
        assertThat(line).as("the server did not start; its log: %s", log).isNotNull();
        return served;
    }

    private static void follow(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))
                .lines()
                .forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void stop_servers() throws InterruptedException {
        for (Served served : started) {
            served.process().destroy();
            if (!served.process().waitFor(20, TimeUnit.SECONDS))
                served.process().destroyForcibly();
        }
    }

    private Map<String, String> demoEnv() throws IOException {
        Map<String, String> variables = new HashMap<>();
        for (String line : Files.readAllLines(data.resolve("demo.env"))) {
            int equals = line.indexOf('=');
            if (equals > 0) variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return variables;
    }

    private static int get(String url, @org.jspecify.annotations.Nullable String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void demo_env_and_the_banner_carry_the_servers_root_url() throws Exception {
        Served served = serve();

        Map<String, String> env = demoEnv();
        String root = env.get("TOCHKA_SERVER_URL");
        assertThat(root).matches("http://localhost:\\d+");
        assertThat(env)
                .containsEntry("TOCHKA_BASE_URL", root + "/uapi")
                .containsEntry("TOCHKA_SANDBOX_URL", root + "/sandbox/v2")
                .containsEntry("TOCHKA_SANDBOX_CUSTOMER_CODE", "1234567ab")
                .containsKeys(
                        "TOCHKA_TOKEN",
                        "TOCHKA_CLIENT_ID",
                        "TOCHKA_CUSTOMER_CODE",
                        "TOCHKA_MERCHANT_ID",
                        "TOCHKA_ADMIN_TOKEN",
                        "TOCHKA_SANDBOX_MERCHANT_ID")
                .containsEntry("TOCHKA_CONSOLE_URL", root + "/console")
                .containsEntry("TOCHKA_CONSOLE_LOGIN", "admin");
        String password = env.get("TOCHKA_CONSOLE_PASSWORD");
        assertThat(password).matches("[a-z0-9]{16}");
        assertThat(served.banner())
                .contains(
                        "  console               " + root + "/console",
                        "  console login         admin",
                        "  console password      " + password
                                + "   (one-time: the console asks for your own at the first sign-in)",
                        "  server                " + root,
                        "tochka-acquiring is running on SQLite "
                                + data.resolve("tochka.db").toAbsolutePath().normalize());
        assertThat(get(root + "/health", "-")).isEqualTo(200);
    }

    @Test
    void a_second_serve_on_the_same_data_directory_is_refused_and_leaves_demo_env_alone() throws Exception {
        Served first = serve();
        String env = Files.readString(data.resolve("demo.env"));
        StringWriter err = new StringWriter();
        CommandLine second =
                TochkaCli.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));

        int exitCode = second.execute("serve", "--port", "0", "--data", data.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString())
                .contains("another tochka server (pid " + first.process().pid() + ") is running on"
                        + " the data directory " + data.toAbsolutePath());
        assertThat(Files.readString(data.resolve("demo.env"))).isEqualTo(env);
        assertThat(get(demoEnv().get("TOCHKA_SERVER_URL") + "/health", "-")).isEqualTo(200);
    }

    @Test
    void the_text_log_has_iso_dates_and_a_line_per_api_call_and_nothing_has_escape_sequences() throws Exception {
        Served served = serve();
        Map<String, String> env = demoEnv();

        assertThat(get(env.get("TOCHKA_BASE_URL") + "/open-banking/v1.0/customers", env.get("TOCHKA_TOKEN")))
                .isEqualTo(200);

        String line = served.logLine(text -> text.contains("GET /uapi/open-banking/v1.0/customers"));
        assertThat(line)
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  RequestLog"
                        + " - GET /uapi/open-banking/v1.0/customers 200 \\d+ ms client_id="
                        + env.get("TOCHKA_CLIENT_ID"));
        assertThat(String.join("\n", served.banner()) + String.join("\n", served.log()))
                .doesNotContain("\u001b");
    }

    @Test
    void log_format_json_writes_one_json_object_per_line() throws Exception {
        Served served = serve("--log-format", "json");
        Map<String, String> env = demoEnv();

        assertThat(get(env.get("TOCHKA_BASE_URL") + "/open-banking/v1.0/customers", env.get("TOCHKA_TOKEN")))
                .isEqualTo(200);

        // JsonEncoder writes a slash as \/ (valid JSON); so the raw line is matched by a fragment without one.
        String line = served.logLine(text -> text.contains("RequestLog") && text.contains("customers"));
        ObjectMapper json = new ObjectMapper();
        JsonNode event = json.readTree(line);
        assertThat(event.get("level").asText()).isEqualTo("INFO");
        assertThat(event.get("loggerName").asText()).isEqualTo("tochka.acquiring.server.http.RequestLog");
        assertThat(event.get("timestamp").asLong()).isPositive();
        assertThat(event.get("formattedMessage").asText()).startsWith("GET /uapi/open-banking/v1.0/customers 200 ");
        assertThat(event.get("kvpList").toString())
                .contains("{\"status\":\"200\"}")
                .contains("{\"client_id\":\"" + env.get("TOCHKA_CLIENT_ID") + "\"}");
        for (String each : served.log()) {
            assertThat(json.readTree(each).isObject()).as(each).isTrue();
        }
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void demo_env_is_private_and_a_restart_goes_on_showing_the_admin_token() throws Exception {
        Served first = serve();
        String token = demoEnv().get("TOCHKA_ADMIN_TOKEN");
        assertThat(token).startsWith("adm_");
        assertThat(String.join("\n", first.banner())).contains("  admin token           " + token);
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("demo.env"))).isEqualTo("rw-------");
        assertThat(mode(data.resolve("tochka.db"))).isEqualTo("rw-------");
        first.process().destroy();
        assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

        Served second = serve();
        Map<String, String> env = demoEnv();
        assertThat(env.get("TOCHKA_ADMIN_TOKEN")).isEqualTo(token);
        assertThat(String.join("\n", second.banner())).contains("  admin token           " + token);
        assertThat(get(env.get("TOCHKA_SERVER_URL") + "/admin/v1/webhooks/deliveries", token))
                .isEqualTo(200);
        assertThat(mode(data.resolve("demo.env"))).isEqualTo("rw-------");
    }

    @Test
    void demo_env_keeps_the_first_admins_password_only_while_it_holds() throws Exception {
        Served first = serve();
        String password = demoEnv().get("TOCHKA_CONSOLE_PASSWORD");
        first.process().destroy();
        assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

        Served second = serve();
        assertThat(demoEnv()).containsEntry("TOCHKA_CONSOLE_PASSWORD", password);
        assertThat(second.banner()).anyMatch(line -> line.startsWith("  console password      " + password));
        second.process().destroy();
        assertThat(second.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("my-own-password\n".getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = TochkaCli.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(new StringWriter()));
            assertThat(cli.execute("users", "passwd", "--data", data.toString(), "admin"))
                    .isZero();
        } finally {
            System.setIn(stdin);
        }
        Served third = serve();
        assertThat(demoEnv()).containsEntry("TOCHKA_CONSOLE_PASSWORD", "");
        assertThat(third.banner())
                .contains("  console password      chosen in the console; only its hash is kept:"
                        + " tochka users passwd admin");
    }

    @Test
    void the_first_admins_password_can_come_from_the_environment() throws Exception {
        Served served = serve(Map.of("TOCHKA_CONSOLE_PASSWORD", "from-the-environment"));

        assertThat(demoEnv()).containsEntry("TOCHKA_CONSOLE_PASSWORD", "from-the-environment");
        assertThat(served.banner()).contains("  console password      from-the-environment");

        StringWriter err = new StringWriter();
        int refused = TochkaCli.commandLine()
                .setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter()))
                .execute(
                        "serve",
                        "--port",
                        "0",
                        "--data",
                        data.resolve("other").toString(),
                        "--console-password",
                        "short");
        assertThat(refused).isEqualTo(ExitCodes.REJECTED);
        assertThat(err.toString()).contains("password: must be 10 to 128 characters long");
    }

    @Test
    void each_part_can_be_turned_off_and_the_banner_says_so() throws Exception {
        Served served = serve("--no-sandbox", "--no-control", "--no-admin");
        Map<String, String> env = demoEnv();
        String root = env.get("TOCHKA_SERVER_URL");

        assertThat(served.banner())
                .contains(
                        "  Sandbox               off (--no-sandbox)",
                        "  control API           off (--no-control)",
                        "  admin API             off (--no-admin)");
        assertThat(get(env.get("TOCHKA_SANDBOX_URL") + "/open-banking/v1.0/customers", "sandbox.jwt.token"))
                .isEqualTo(404);
        assertThat(get(root + "/admin/v1/webhooks/deliveries", env.get("TOCHKA_ADMIN_TOKEN")))
                .isEqualTo(404);
        assertThat(get(env.get("TOCHKA_BASE_URL") + "/open-banking/v1.0/customers", env.get("TOCHKA_TOKEN")))
                .isEqualTo(200);
    }
}
