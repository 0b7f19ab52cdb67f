package tochka.acquiring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tochka.acquiring.bench.Children.Server;
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

        Children children = new Children(repo, cleanup);
        children.requireFreshJar();
        Path work = Files.createTempDirectory("tochka-bench-");
        cleanup.add("the temporary directory", () -> {
            if (keep) System.err.println("Kept " + work);
            else Directories.delete(work);
        });
        Path data = work.resolve("data");
        Wrk wrk = new Wrk(wrkExecutable, Wrk.extractScripts(work.resolve("lua")), work);

        String dbUrl = db.equals("postgres") ? children.postgres() : null;

        // Start to ready, twice: on an empty data directory, then again on the one the first start left.
        int port = Children.freePort();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        Child first = children.ourServer(port, data, dbUrl, work.resolve("server-fresh.log"));
        Duration fresh = first.awaitOk(health, Duration.ofMinutes(3));
        first.stop();
        Child server = children.ourServer(port, data, dbUrl, work.resolve("server.log"));
        Duration existing = server.awaitOk(health, Duration.ofMinutes(3));
        System.err.printf(
                Locale.ROOT,
                "Server ready: %d ms fresh, %d ms on existing data%n",
                fresh.toMillis(),
                existing.toMillis());

        URI ours = URI.create("http://127.0.0.1:" + port);
        DemoAccount demo = DemoAccount.read(data.resolve("demo.env"));
        Http http = new Http(ours);

        // The shop's webhook endpoint stays registered throughout: flow's approvals send webhooks too, as a shop's do.
        WebhookReceiver receiver = new WebhookReceiver();
        cleanup.add("the webhook receiver", receiver::close);
        ObjectNode subscription = JSON.createObjectNode();
        subscription.putArray("webhooksList").add("acquiringInternetPayment");
        subscription.put("url", receiver.url().toString());
        http.call("PUT", "/uapi/webhook/v1.0/" + demo.clientId(), demo.token(), JSON.writeValueAsString(subscription));

        String createBody = demo.createBody();
        Path bodyFile = Files.writeString(work.resolve("create.json"), createBody, StandardCharsets.UTF_8);
        WireMockStubs.Captured created = null;
        for (int i = 0; i < 100; i++) created = http.call("POST", PAYMENTS, demo.token(), createBody);
        payments += 100;

        Report.Fill filled = null;
        if (fill > payments) filled = fill(wrk, ours, demo.token(), bodyFile);

        String listPath = PAYMENTS + "?customerCode=" + demo.customerCode() + "&page=1&perPage=100";
        List<String> ids = operationIds(http, demo);
        Path idsFile = Files.write(work.resolve("ids.txt"), ids, StandardCharsets.UTF_8);

        Map<Target, Server> targets = new HashMap<>();
        targets.put(Target.OURS, new Server(ours, server.pid()));
        targets.put(Target.HEALTH, new Server(ours, server.pid()));
        if (baseline) {
            Path root = work.resolve("wiremock");
            captureStubs(
                    root, http, demo.token(), Objects.requireNonNull(created), PAYMENTS + "/" + ids.get(0), listPath);
            targets.put(Target.WIREMOCK, children.wireMock(root, false, work));
            targets.put(Target.WIREMOCK_NO_JOURNAL, children.wireMock(root, true, work));
        }

        Map<Scenario, Wrk.Load> loads = loads(demo, bodyFile, idsFile, listPath);
        List<Target> servers =
                baseline ? List.of(Target.OURS, Target.WIREMOCK, Target.WIREMOCK_NO_JOURNAL) : List.of(Target.OURS);
        for (Target target : servers) prewarm(wrk, loads, Objects.requireNonNull(targets.get(target)), target);
        if (scenarios.contains(Scenario.WEBHOOK) && !prewarm.isZero()) {
            // The webhook path (approval, signing, delivery) is ours alone: one round of it, not recorded, warms it as
            // the pre-warm warms the rest, or the first round measures the JIT.
            webhookRound(http, demo, createBody, receiver, "warm-up");
        }

        List<Measurement> runs = new ArrayList<>();
        List<WebhookLatency.Result> webhooks = new ArrayList<>();
        @Nullable String failure = null;
        try {
            runRounds(wrk, http, demo, createBody, receiver, baseline, targets, loads, runs, webhooks);
        } catch (BenchFailure e) {
            // The run fails, but what it measured before still deserves its table: printed, then the failure.
            failure = e.getMessage();
        }

        long resident = ProcFs.residentBytes(server.pid());
        Long dataBytes = db.equals("sqlite") ? Directories.size(data) : null;
        Report.Results results = new Report.Results(
                startedAt.toString(),
                machine,
                settings(baseline),
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

    private Report.Settings settings(boolean baseline) {
        return new Report.Settings(
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
                fill);
    }

    /** WireMock's mappings: our own answers to the same requests, so both serve the same bodies. */
    private static void captureStubs(
            Path root, Http http, String token, WireMockStubs.Captured created, String infoPath, String listPath)
            throws IOException, InterruptedException {
        WireMockStubs.write(
                root,
                List.of(
                        new WireMockStubs.Stub("create", "POST", WireMockStubs.PathMatch.EXACT, PAYMENTS, created),
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
    }

    /** What wrk sends in each scenario. */
    private static Map<Scenario, Wrk.Load> loads(DemoAccount demo, Path bodyFile, Path idsFile, String listPath) {
        Map<Scenario, Wrk.Load> loads = new HashMap<>();
        loads.put(Scenario.CREATE, Wrk.load("POST", PAYMENTS, demo.token(), bodyFile, null));
        loads.put(Scenario.INFO, Wrk.load("GET", PAYMENTS + "/{id}", demo.token(), null, idsFile));
        loads.put(Scenario.LIST, Wrk.load("GET", listPath, demo.token(), null, null));
        loads.put(Scenario.HEALTH, Wrk.load("GET", "/health", null, null, null));
        loads.put(
                Scenario.FLOW,
                new Wrk.Load(
                        "flow.lua",
                        Map.of(
                                "BENCH_PATH",
                                PAYMENTS,
                                "BENCH_CONTROL_PATH",
                                CONTROL_PAYMENTS,
                                "BENCH_AUTH",
                                demo.token(),
                                "BENCH_ADMIN",
                                demo.admin(),
                                "BENCH_BODY_FILE",
                                bodyFile.toString(),
                                "BENCH_AMOUNT",
                                "10")));
        return loads;
    }

    private void runRounds(
            Wrk wrk,
            Http http,
            DemoAccount demo,
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
                    webhooks.add(webhookRound(http, demo, createBody, receiver, "round " + round));
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
            Http http, DemoAccount demo, String createBody, WebhookReceiver receiver, String occasion)
            throws IOException, InterruptedException {
        int count = (int) Math.max(1, Math.round(webhookRate * webhookDuration.toMillis() / 1000.0));
        System.err.printf(
                Locale.ROOT, "Running webhook: %d approvals at %.0f/s (%s) ...%n", count, webhookRate, occasion);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(JSON.readTree(http.call("POST", PAYMENTS, demo.token(), createBody)
                            .body())
                    .path("Data")
                    .path("operationId")
                    .asText());
        }
        payments += count;
        Duration drained = receiver.awaitQuiet(Duration.ofSeconds(2), Duration.ofMinutes(2));
        System.err.printf(Locale.ROOT, "Webhooks from before quiet after %.1f s%n", drained.toMillis() / 1000.0);
        return WebhookLatency.run(http, demo.admin(), receiver, links, webhookRate);
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

    /** Up to 1,000 operationIds (ten pages of the list) for info to pick from at random. */
    private static List<String> operationIds(Http http, DemoAccount demo) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            JsonNode operations = JSON.readTree(http.call(
                                    "GET",
                                    PAYMENTS + "?customerCode=" + demo.customerCode() + "&page=" + page
                                            + "&perPage=100",
                                    demo.token(),
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
