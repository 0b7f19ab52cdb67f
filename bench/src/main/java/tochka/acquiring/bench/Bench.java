package tochka.acquiring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tochka.acquiring.bench.Measurement.Target;

/**
 * bench/run: starts our server as a user would ({@code ./tochka serve}), captures its answers into WireMock stubs,
 * runs WireMock twice (defaults, and without its request journal), and loads each with wrk in interleaved rounds.
 */
@Command(
        name = "bench/run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Our server (./tochka serve) against WireMock standalone serving the same bodies, under wrk on loopback.",
            "Prints markdown tables and writes every round's numbers as JSON. Any error under load fails the run."
        })
public final class Bench implements Callable<Integer> {

    private static final String PAYMENTS = "/uapi/acquiring/v1.0/payments";
    private static final String CONTROL_PAYMENTS = "/control/v1/payments";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scenarios; those with a baseline also run against WireMock's stubs. */
    enum Scenario {
        CREATE(true),
        INFO(true),
        LIST(true),
        FLOW(false),
        WEBHOOK(false),
        HEALTH(true);

        final boolean baseline;

        Scenario(boolean baseline) {
            this.baseline = baseline;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(
            names = "--scenarios",
            split = ",",
            paramLabel = "<name>",
            description = "create, info, list, flow, webhook, health (default: all)")
    List<Scenario> scenarios = List.of(Scenario.values());

    @Option(
            names = "--connections",
            split = ",",
            paramLabel = "<n>",
            description = "wrk connection counts, each scenario at each (default: 32)")
    List<Integer> connections = List.of(32);

    @Option(names = "--rounds", description = "interleaved rounds; tables show medians (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(
            names = "--duration",
            converter = Durations.class,
            description = "each measured wrk run, e.g. 15s (default: 15s)")
    Duration duration = Duration.ofSeconds(15);

    @Option(
            names = "--warmup",
            converter = Durations.class,
            description = "the discarded wrk run before each measured one (default: 5s)")
    Duration warmup = Duration.ofSeconds(5);

    @Option(
            names = "--prewarm",
            converter = Durations.class,
            description = "load on each server (ours, each WireMock) before the rounds, spread over the scenarios"
                    + " WireMock serves too, so that every JIT has compiled what it runs (default: 60s)")
    Duration prewarm = Duration.ofSeconds(60);

    @Option(names = "--db", description = "sqlite, or postgres: embedded, started by the bench (default: sqlite)")
    String db = "sqlite";

    @Option(names = "--no-baseline", description = "leave WireMock out: our server and its /health only")
    boolean noBaseline;

    @Option(
            names = "--webhook-rate",
            description = "approvals per second in the webhook scenario, open loop (default: ${DEFAULT-VALUE})")
    double webhookRate = 200;

    @Option(
            names = "--webhook-duration",
            converter = Durations.class,
            description = "how long the webhook scenario approves (default: 10s)")
    Duration webhookDuration = Duration.ofSeconds(10);

    @Option(
            names = "--fill",
            paramLabel = "<n>",
            description = "before measuring, create payments with wrk (32 connections) until there are at least n")
    long fill;

    @Option(names = "--keep", description = "keep the temporary directory (data, logs, stubs) and print its path")
    boolean keep;

    @Option(
            names = "--results",
            paramLabel = "<dir>",
            description = "where the JSON goes, as <UTC time>.json (default: bench/results)")
    Path resultsDir = Path.of("bench", "results");

    @Option(names = "--repo", hidden = true, description = "the repository root, with ./tochka and bench/target")
    Path repo = Path.of("").toAbsolutePath();

    @Option(names = "--wrk", hidden = true, description = "the wrk executable")
    String wrkExecutable = "wrk";

    private final Cleanup cleanup = new Cleanup();
    private long payments;
    private long ticksPerSecond = 100;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the bench and returns its exit code, every child process stopped and the temporary files gone. */
    static int run(String... args) {
        CommandLine line = new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof BenchFailure) {
                command.getErr().println("bench failed: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        try {
            return line.execute(args);
        } finally {
            Bench bench = line.getCommand();
            bench.cleanup.run();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!db.equals("sqlite") && !db.equals("postgres")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--db: sqlite or postgres, not " + db);
        }
        boolean baseline = !noBaseline && scenarios.stream().anyMatch(scenario -> scenario.baseline);
        Instant startedAt = Instant.now();
        Machine machine = Machine.probe();
        ticksPerSecond = machine.clockTicksPerSecond();
        System.err.println("Machine: " + machine.describe());

        requireFreshJar();
        Path work = Files.createTempDirectory("tochka-bench-");
        cleanup.add("the temporary directory", () -> {
            if (keep) System.err.println("Kept " + work);
            else deleteTree(work);
        });
        Path data = work.resolve("data");
        Wrk wrk = new Wrk(wrkExecutable, Wrk.extractScripts(work.resolve("lua")), work);

        String dbUrl = db.equals("postgres") ? startPostgres() : null;

        // Start to ready, twice: on an empty data directory, then again on the one the first start left.
        int port = freePort();
        Child first = startServer(port, data, dbUrl, work.resolve("server-fresh.log"));
        Duration fresh = first.awaitOk(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMinutes(3));
        first.stop();
        Child server = startServer(port, data, dbUrl, work.resolve("server.log"));
        Duration existing = server.awaitOk(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMinutes(3));
        System.err.printf(
                Locale.ROOT,
                "Server ready: %d ms fresh, %d ms on existing data%n",
                fresh.toMillis(),
                existing.toMillis());

        URI ours = URI.create("http://127.0.0.1:" + port);
        Map<String, String> env = demoEnv(data.resolve("demo.env"));
        String token = value(env, "TOCHKA_TOKEN");
        String admin = value(env, "TOCHKA_ADMIN_TOKEN");
        String customerCode = value(env, "TOCHKA_CUSTOMER_CODE");
        String clientId = value(env, "TOCHKA_CLIENT_ID");
        Http http = new Http(ours);

        // The shop's webhook endpoint stays registered throughout: flow's approvals send webhooks too, as a shop's do.
        WebhookReceiver receiver = new WebhookReceiver();
        cleanup.add("the webhook receiver", receiver::close);
        ObjectNode subscription = JSON.createObjectNode();
        subscription.putArray("webhooksList").add("acquiringInternetPayment");
        subscription.put("url", receiver.url().toString());
        http.call("PUT", "/uapi/webhook/v1.0/" + clientId, token, JSON.writeValueAsString(subscription));

        String createBody = createBody(customerCode);
        Path bodyFile = Files.writeString(work.resolve("create.json"), createBody, StandardCharsets.UTF_8);
        WireMockStubs.Captured created = null;
        for (int i = 0; i < 100; i++) created = http.call("POST", PAYMENTS, token, createBody);
        payments += 100;

        Report.Fill filled = null;
        if (fill > payments) filled = fill(wrk, ours, token, bodyFile);

        String listPath = PAYMENTS + "?customerCode=" + customerCode + "&page=1&perPage=100";
        List<String> ids = operationIds(http, token, customerCode);
        Path idsFile = Files.write(work.resolve("ids.txt"), ids, StandardCharsets.UTF_8);
        String infoPath = PAYMENTS + "/" + ids.get(0);

        Map<Target, Server> targets = new HashMap<>();
        targets.put(Target.OURS, new Server(ours, server.pid()));
        targets.put(Target.HEALTH, new Server(ours, server.pid()));
        if (baseline) {
            Path root = work.resolve("wiremock");
            WireMockStubs.write(
                    root,
                    List.of(
                            new WireMockStubs.Stub(
                                    "create",
                                    "POST",
                                    WireMockStubs.PathMatch.EXACT,
                                    PAYMENTS,
                                    Objects.requireNonNull(created)),
                            new WireMockStubs.Stub(
                                    "info",
                                    "GET",
                                    WireMockStubs.PathMatch.PATTERN,
                                    PAYMENTS + "/[^/]+",
                                    http.call("GET", infoPath, token, null)),
                            new WireMockStubs.Stub(
                                    "list",
                                    "GET",
                                    WireMockStubs.PathMatch.EXACT,
                                    PAYMENTS,
                                    http.call("GET", listPath, token, null)),
                            new WireMockStubs.Stub(
                                    "health",
                                    "GET",
                                    WireMockStubs.PathMatch.EXACT,
                                    "/health",
                                    http.call("GET", "/health", null, null))));
            targets.put(Target.WIREMOCK, startWireMock(root, false, work));
            targets.put(Target.WIREMOCK_NO_JOURNAL, startWireMock(root, true, work));
        }

        Map<Scenario, Wrk.Load> loads = new HashMap<>();
        loads.put(Scenario.CREATE, Wrk.load("POST", PAYMENTS, token, bodyFile, null));
        loads.put(Scenario.INFO, Wrk.load("GET", PAYMENTS + "/{id}", token, null, idsFile));
        loads.put(Scenario.LIST, Wrk.load("GET", listPath, token, null, null));
        loads.put(Scenario.HEALTH, Wrk.load("GET", "/health", null, null, null));
        loads.put(
                Scenario.FLOW,
                new Wrk.Load(
                        "flow.lua",
                        Map.of(
                                "BENCH_PATH", PAYMENTS,
                                "BENCH_CONTROL_PATH", CONTROL_PAYMENTS,
                                "BENCH_AUTH", token,
                                "BENCH_ADMIN", admin,
                                "BENCH_BODY_FILE", bodyFile.toString(),
                                "BENCH_AMOUNT", "10")));

        List<Target> servers =
                baseline ? List.of(Target.OURS, Target.WIREMOCK, Target.WIREMOCK_NO_JOURNAL) : List.of(Target.OURS);
        for (Target target : servers) prewarm(wrk, loads, Objects.requireNonNull(targets.get(target)), target);

        List<Measurement> runs = new ArrayList<>();
        List<WebhookLatency.Result> webhooks = new ArrayList<>();
        @Nullable String failure = null;
        try {
            runRounds(wrk, http, token, admin, createBody, receiver, baseline, targets, loads, runs, webhooks);
        } catch (BenchFailure e) {
            // The run fails, but what it measured before still deserves its table: printed, then the failure.
            failure = e.getMessage();
        }

        long resident = ProcFs.residentBytes(server.pid());
        Long dataBytes = db.equals("sqlite") ? treeSize(data) : null;
        Report.Results results = new Report.Results(
                startedAt.toString(),
                machine,
                new Report.Settings(
                        db,
                        scenarios.stream().map(Scenario::label).toList(),
                        connections,
                        rounds,
                        duration.toMillis() / 1000.0,
                        warmup.toMillis() / 1000.0,
                        prewarm.toMillis() / 1000.0,
                        baseline,
                        webhookRate,
                        webhookDuration.toMillis() / 1000.0,
                        fill),
                new Report.Startup(fresh.toNanos() / 1e6, existing.toNanos() / 1e6),
                filled,
                runs,
                webhooks,
                Summary.targets(runs),
                Summary.ratios(runs),
                payments,
                resident,
                dataBytes,
                dataBytes == null ? null : (double) dataBytes / payments,
                failure);
        Path json = (resultsDir.isAbsolute() ? resultsDir : repo.resolve(resultsDir))
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .withZone(ZoneOffset.UTC)
                                .format(startedAt)
                        + ".json");
        Report.writeJson(results, json);
        System.out.println(Report.markdown(results));
        System.out.println("JSON: " + json);
        if (failure != null) throw new BenchFailure(failure);
        return 0;
    }

    private void runRounds(
            Wrk wrk,
            Http http,
            String token,
            String admin,
            String createBody,
            WebhookReceiver receiver,
            boolean baseline,
            Map<Target, Server> targets,
            Map<Scenario, Wrk.Load> loads,
            List<Measurement> runs,
            List<WebhookLatency.Result> webhooks)
            throws IOException, InterruptedException {
        for (int round = 1; round <= rounds; round++) {
            for (Scenario scenario : scenarios) {
                if (scenario == Scenario.WEBHOOK) {
                    webhooks.add(webhookRound(http, token, admin, createBody, receiver, round));
                    continue;
                }
                for (int conns : connections) {
                    for (Target target : targetsOf(scenario, baseline)) {
                        Wrk.Load load =
                                Objects.requireNonNull(loads.get(target == Target.HEALTH ? Scenario.HEALTH : scenario));
                        runs.add(measure(
                                wrk,
                                round,
                                scenario,
                                conns,
                                target,
                                Objects.requireNonNull(targets.get(target)),
                                load));
                    }
                }
            }
        }
    }

    /** A target's address and the process whose CPU it uses. */
    private record Server(URI base, long pid) {}

    private static List<Target> targetsOf(Scenario scenario, boolean baseline) {
        List<Target> targets = new ArrayList<>();
        targets.add(Target.OURS);
        if (baseline && scenario.baseline) {
            targets.add(Target.WIREMOCK);
            targets.add(Target.WIREMOCK_NO_JOURNAL);
        }
        if (scenario != Scenario.HEALTH) targets.add(Target.HEALTH);
        return targets;
    }

    private Measurement measure(
            Wrk wrk, int round, Scenario scenario, int conns, Target target, Server server, Wrk.Load load)
            throws IOException, InterruptedException {
        // flow: one connection per wrk thread, so that each thread's state machine sees its own answers in order.
        int threads = scenario == Scenario.FLOW && target == Target.OURS ? conns : Math.min(2, conns);
        String what =
                scenario.label() + " at " + conns + " connections against " + target.label() + " (round " + round + ")";
        System.err.println("Running " + what + " ...");
        if (target == Target.WIREMOCK) emptyJournal(server.base());
        checked(
                what + ", warm-up",
                countCreates(scenario, target, wrk.run(server.base(), load, threads, conns, warmup)));
        if (target == Target.WIREMOCK) emptyJournal(server.base());
        long ticks = ProcFs.cpuTicks(server.pid());
        WrkResult result =
                checked(what, countCreates(scenario, target, wrk.run(server.base(), load, threads, conns, duration)));
        long used = ProcFs.cpuTicks(server.pid()) - ticks;
        double cpuMs = used * 1000.0 / ticksPerSecond;
        double seconds = result.durationUs() / 1e6;
        return new Measurement(
                round,
                scenario.label(),
                conns,
                target,
                result,
                result.throughput(),
                result.flowThroughput(),
                result.requests() == 0 ? 0 : cpuMs / result.requests(),
                cpuMs / 1000.0 / seconds);
    }

    private WrkResult countCreates(Scenario scenario, Target target, WrkResult result) {
        if (target == Target.OURS && scenario == Scenario.CREATE) payments += result.requests();
        if (target == Target.OURS && scenario == Scenario.FLOW) payments += result.creates();
        return result;
    }

    private static WrkResult checked(String what, WrkResult result) {
        if (result.errorCount() > 0) {
            throw new BenchFailure(what + ": " + result.describeErrors() + " (of " + result.requests() + " requests)");
        }
        if (result.requests() == 0) throw new BenchFailure(what + ": no request was answered");
        return result;
    }

    private Report.Fill fill(Wrk wrk, URI ours, String token, Path bodyFile) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long before = payments;
        Duration chunk = Duration.ofSeconds(5);
        Wrk.Load load = Wrk.load("POST", PAYMENTS, token, bodyFile, null);
        while (payments < fill) {
            WrkResult result = checked("fill", wrk.run(ours, load, 2, 32, chunk));
            payments += result.requests();
            double rate = Math.max(1, result.throughput());
            long left = fill - payments;
            chunk = Duration.ofSeconds(Math.max(2, Math.min(120, (long) Math.ceil(left / rate))));
            System.err.printf(Locale.ROOT, "Fill: %,d of %,d payments (%,.0f/s)%n", payments, fill, rate);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Report.Fill filled = new Report.Fill(payments - before, seconds, (payments - before) / seconds);
        System.err.printf(
                Locale.ROOT,
                "Filled %,d payments in %.0f s: %,.0f/s%n",
                filled.payments(),
                seconds,
                filled.perSecond());
        return filled;
    }

    private WebhookLatency.Result webhookRound(
            Http http, String token, String admin, String createBody, WebhookReceiver receiver, int round)
            throws IOException, InterruptedException {
        int count = (int) Math.max(1, Math.round(webhookRate * webhookDuration.toMillis() / 1000.0));
        System.err.printf(
                Locale.ROOT, "Running webhook: %d approvals at %.0f/s (round %d) ...%n", count, webhookRate, round);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(
                    JSON.readTree(http.call("POST", PAYMENTS, token, createBody).body())
                            .path("Data")
                            .path("operationId")
                            .asText());
        }
        payments += count;
        Duration drained = receiver.awaitQuiet(Duration.ofSeconds(2), Duration.ofMinutes(2));
        System.err.printf(Locale.ROOT, "Webhooks from before quiet after %.1f s%n", drained.toMillis() / 1000.0);
        return WebhookLatency.run(http, admin, receiver, links, webhookRate);
    }

    private void prewarm(Wrk wrk, Map<Scenario, Wrk.Load> loads, Server server, Target target)
            throws IOException, InterruptedException {
        List<Scenario> warmed =
                scenarios.stream().filter(scenario -> scenario.baseline).toList();
        if (warmed.isEmpty() || prewarm.isZero()) return;
        Duration each = prewarm.dividedBy(warmed.size());
        int conns = connections.stream().max(Integer::compare).orElse(32);
        System.err.println("Warming " + target.label() + " up for " + prewarm.toSeconds() + " s ...");
        for (Scenario scenario : warmed) {
            if (target == Target.WIREMOCK) emptyJournal(server.base());
            countCreates(
                    scenario,
                    target,
                    checked(
                            target.label() + " warm-up, " + scenario.label(),
                            wrk.run(
                                    server.base(),
                                    Objects.requireNonNull(loads.get(scenario)),
                                    Math.min(2, conns),
                                    conns,
                                    each)));
        }
        if (target == Target.WIREMOCK) emptyJournal(server.base());
    }

    private static void emptyJournal(URI wireMock) throws IOException, InterruptedException {
        new Http(wireMock).call("DELETE", "/__admin/requests", null, null);
    }

    private Child startServer(int port, Path data, @Nullable String dbUrl, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                repo.resolve("tochka").toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--webhook-allow",
                "127.0.0.1"));
        if (dbUrl != null) {
            command.add("--db");
            command.add(dbUrl);
        }
        Child child = Child.start("our server", command, log);
        cleanup.add("our server", child::stop);
        return child;
    }

    private Server startWireMock(Path root, boolean noJournal, Path work) throws IOException, InterruptedException {
        Path jar = repo.resolve("bench/target/wiremock/wiremock-standalone.jar");
        if (!Files.exists(jar)) throw new BenchFailure(jar + " is missing: build with bench/run");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-jar",
                jar.toString(),
                "--port",
                Integer.toString(port),
                "--root-dir",
                root.toString(),
                "--disable-banner"));
        if (noJournal) command.add("--no-request-journal");
        String name = noJournal ? "WireMock --no-request-journal" : "WireMock";
        Child child = Child.start(name, command, work.resolve(noJournal ? "wiremock-no-journal.log" : "wiremock.log"));
        cleanup.add(name, child::stop);
        URI base = URI.create("http://127.0.0.1:" + port);
        Duration ready = child.awaitOk(base.resolve("/health"), Duration.ofMinutes(1));
        System.err.printf(Locale.ROOT, "%s ready in %d ms%n", name, ready.toMillis());
        return new Server(base, child.pid());
    }

    private String startPostgres() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        cleanup.add("embedded PostgreSQL", postgres::close);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tochka_bench");
        }
        return postgres.getJdbcUrl("postgres", "tochka_bench");
    }

    /** Up to 1,000 operationIds (ten pages of the list) for info to pick from at random. */
    private static List<String> operationIds(Http http, String token, String customerCode)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            JsonNode operations = JSON.readTree(http.call(
                                    "GET",
                                    PAYMENTS + "?customerCode=" + customerCode + "&page=" + page + "&perPage=100",
                                    token,
                                    null)
                            .body())
                    .path("Data")
                    .path("Operation");
            operations.forEach(
                    operation -> ids.add(operation.path("operationId").asText()));
            if (operations.size() < 100) break;
        }
        if (ids.isEmpty()) throw new BenchFailure("the list of payments is empty");
        return ids;
    }

    /** The create body of the README's walkthrough. */
    static String createBody(String customerCode) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("Data");
        data.put("customerCode", customerCode);
        data.put("amount", 10);
        data.put("purpose", "Тестовый платёж");
        data.putArray("paymentMode").add("sbp").add("card");
        data.put("redirectUrl", "https://tochka.com/");
        return JSON.writeValueAsString(body);
    }

    /** The KEY=value lines of demo.env (values possibly quoted). */
    static Map<String, String> demoEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            if (trimmed.startsWith("export ")) trimmed = trimmed.substring("export ".length());
            int equals = trimmed.indexOf('=');
            if (equals < 0) continue;
            String value = trimmed.substring(equals + 1);
            if (value.length() >= 2
                    && ((value.startsWith("\"") && value.endsWith("\""))
                            || (value.startsWith("'") && value.endsWith("'")))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(trimmed.substring(0, equals), value);
        }
        for (String name : List.of(
                "TOCHKA_TOKEN",
                "TOCHKA_ADMIN_TOKEN",
                "TOCHKA_CUSTOMER_CODE",
                "TOCHKA_CLIENT_ID",
                "TOCHKA_MERCHANT_ID")) {
            if (!values.containsKey(name)) throw new BenchFailure(file + " has no " + name);
        }
        return values;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null) throw new BenchFailure("demo.env has no " + name);
        return value;
    }

    /**
     * ./tochka rebuilds tochka.jar, with mvn install, when a source is newer than it: that build must not happen
     * inside a measured start, nor install anything. bench/run packages first; a direct java run must too.
     */
    private void requireFreshJar() throws IOException {
        Path jar = repo.resolve("cli/target/tochka.jar");
        if (!Files.exists(jar)) throw new BenchFailure(jar + " is missing: run bench/run, which builds it");
        var built = Files.getLastModifiedTime(jar);
        List<Path> sources = new ArrayList<>(List.of(repo.resolve("pom.xml"), repo.resolve("reference")));
        try (Stream<Path> modules = Files.list(repo)) {
            modules.filter(Files::isDirectory).forEach(module -> {
                sources.add(module.resolve("pom.xml"));
                sources.add(module.resolve("src"));
            });
        }
        for (Path source : sources) {
            if (!Files.exists(source)) continue;
            try (Stream<Path> files = Files.walk(source)) {
                Path newer = files.filter(Files::isRegularFile)
                        .filter(file -> {
                            try {
                                return Files.getLastModifiedTime(file).compareTo(built) > 0;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .findFirst()
                        .orElse(null);
                if (newer != null) {
                    throw new BenchFailure(newer + " is newer than " + jar + ", so ./tochka would rebuild it (with mvn"
                            + " install) while the bench times its start: run bench/run, which builds first");
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        }
    }

    /** Durations as 15s, 500ms, 2m or 1h (a bare number is seconds). */
    static final class Durations implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            if (text.endsWith("s")) return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            if (text.endsWith("m")) return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            if (text.endsWith("h")) return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(text));
        }
    }
}
