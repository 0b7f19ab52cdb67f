package tochka.acquiring.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.contract.ErrorSchema;
import tochka.acquiring.server.contract.OpenApiContract;
import tochka.acquiring.server.reliability.HostileRequests.Family;
import tochka.acquiring.server.testing.DatabaseSnapshot;
import tochka.acquiring.server.testing.RawHttp;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * The bad-input fuzzer: malformed, boundary and hostile requests over every route of a server running in this JVM
 * (the bank's API under {@code /uapi} and {@code /sandbox/v2}, control, admin, pages), generated from the OpenAPI
 * documents the server publishes. Requests go in batches, each batch against one route; the checks:
 * <ul>
 *   <li>no answer is a 5xx;</li>
 *   <li>every error under {@code /uapi}, {@code /sandbox/v2}, {@code /control} and {@code /admin} is the bank's
 *       error body (the operation's schema from the spec where it declares the status, else its ErrorResponse), and
 *       every JSON answer of a spec operation fits the spec;</li>
 *   <li>a batch whose every request was refused (4xx) leaves every table's rows and content as they were;</li>
 *   <li>heap after GC and the live thread count at the end are close to what they were after the first batches.</li>
 * </ul>
 * The server runs on a fixed clock, so that nothing expires (and is written by the sweeper) while a batch runs.
 * Seeded: {@code -Dfuzz.seed=}, {@code -Dfuzz.requests=}, {@code -Dfuzz.threads=}, and {@code -Dfuzz.only=<index>}
 * to send one request of a run again; every failure prints the command that reproduces it.
 */
class FuzzIT {

    private static final long DEFAULT_SEED = 20261128L;
    private static final int BATCH = 8;
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    private static final int THREAD_GROWTH_LIMIT = 24;
    private static final int SHOWN_FAILURES = 200;

    @Test
    void hostile_requests_get_no_server_error_and_refused_ones_change_nothing() throws Exception {
        Set<Family> families = EnumSet.allOf(Family.class);
        String chosen = System.getProperty("fuzz.families", "");
        if (!chosen.isEmpty())
            families = Arrays.stream(chosen.split(","))
                    .map(String::trim)
                    .map(Family::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Family.class)));
        fuzz(
                "hostile_requests_get_no_server_error_and_refused_ones_change_nothing",
                families,
                Integer.getInteger("fuzz.requests", 6_000));
    }

    /** Fuzzes {@code families} on every route. */
    private void fuzz(String method, Set<Family> families, int requests) throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        Long only = Long.getLong("fuzz.only");
        int threads = Integer.getInteger("fuzz.threads", BATCH);
        Path dataDir = TestServer.tempDir();
        Config config = Config.forTests(dataDir, TestDatabases.freshUrl());
        try (Application server = Application.builder()
                .config(config)
                .clock(Clock.fixed(Instant.now(), ZoneOffset.UTC))
                .build()
                .start()) {
            List<Target> targets = FuzzTargets.of(server.info());
            Run run = new Run(server, targets, families, seed, method, threads);
            try {
                if (only != null) run.batch(List.of(only));
                else run.all(requests);
            } finally {
                run.close();
            }
            System.out.println(run.summary());
            Files.writeString(
                    Path.of("target", "fuzz-" + db() + "-" + method + ".txt"), run.report(), StandardCharsets.UTF_8);
            assertThat(run.failures).as(run.report()).isEmpty();
        }
    }

    private static String db() {
        return TestDatabases.postgres() ? "postgres" : "sqlite";
    }

    /** One fuzzing run: its requests, what came back, what went wrong. */
    private static final class Run {

        private final Application server;
        private final long seed;
        private final String testMethod;
        private final ExecutorService pool;
        private final ThreadLocal<RawHttp> connections;
        private final List<RawHttp> opened = Collections.synchronizedList(new ArrayList<>());
        private final List<Combination> combinations = new ArrayList<>();
        private final String host;
        private final OpenApiContract contract = OpenApiContract.load();
        private final ErrorSchema errors = ErrorSchema.load();
        /** Distinct failures (by route, family, mutation and what went wrong), each with its first request. */
        private final Map<String, String> failures = new ConcurrentHashMap<>();

        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong noAnswer = new AtomicLong();
        private final Map<String, AtomicLong> unanswered = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> failureCounts = new ConcurrentHashMap<>();
        private final AtomicLongArray statuses = new AtomicLongArray(600);
        private final Map<Family, AtomicLong> perFamily = new ConcurrentHashMap<>();
        private int batches;
        private int batchesChecked;
        private long heapBefore;
        private long heapAfter;
        private int threadsBefore;
        private int threadsAfter;

        Run(Application server, List<Target> targets, Set<Family> families, long seed, String testMethod, int threads) {
            this.server = server;
            this.seed = seed;
            this.testMethod = testMethod;
            this.host = "127.0.0.1:" + server.port();
            this.connections = ThreadLocal.withInitial(() -> {
                RawHttp http = new RawHttp("127.0.0.1", server.port());
                opened.add(http);
                return http;
            });
            this.pool = Executors.newFixedThreadPool(threads);
            for (Target target : targets) {
                for (Family family : HostileRequests.applicable(target)) {
                    if (families.contains(family)) combinations.add(new Combination(target, family));
                }
            }
            Collections.shuffle(combinations, new java.util.Random(seed));
        }

        /** What one batch sends: variants of one family against one route. */
        private record Combination(Target target, Family family) {}

        void all(int requests) throws Exception {
            DatabaseSnapshot before = DatabaseSnapshot.of(server.database().transactions());
            int warmup = Math.max(1, Math.min(25, requests / BATCH / 10));
            try {
                for (long start = 0; start < requests; start += BATCH) {
                    List<Long> indices = new ArrayList<>();
                    for (long i = start; i < Math.min(requests, start + BATCH); i++) indices.add(i);
                    boolean refused = batch(indices);
                    DatabaseSnapshot after =
                            DatabaseSnapshot.of(server.database().transactions());
                    batches++;
                    if (refused) {
                        batchesChecked++;
                        String changed = after.differencesFrom(before);
                        if (!changed.isEmpty()) {
                            failure(
                                    "database " + target(start).name() + " " + family(start),
                                    "batch #" + (start / BATCH) + " of refused requests (#" + start + "...) changed "
                                            + changed,
                                    start);
                        }
                    }
                    before = after;
                    if (batches == warmup) {
                        heapBefore = heapAfterGc();
                        threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
                    }
                }
            } finally {
                close();
            }
            heapAfter = heapAfterGc();
            threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            if (heapAfter > heapBefore + HEAP_GROWTH_LIMIT) {
                failure("memory", "heap after GC grew from " + mib(heapBefore) + " to " + mib(heapAfter), -1);
            }
            if (threadsAfter > threadsBefore + THREAD_GROWTH_LIMIT) {
                failure("threads", "live threads grew from " + threadsBefore + " to " + threadsAfter, -1);
            }
            if (batchesChecked * 10 < batches) {
                failure(
                        "coverage",
                        "only " + batchesChecked + " of " + batches
                                + " batches were all refused, so the database check saw too little",
                        -1);
            }
        }

        /**
         * Sends {@code indices} in parallel; whether every one was refused with a 4xx or only read (a GET or HEAD
         * outside the buyer's pages, which open sessions), so that the database must not have changed.
         */
        boolean batch(List<Long> indices) throws Exception {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (long index : indices) answers.add(pool.submit(() -> send(index)));
            boolean refused = true;
            for (Future<Boolean> answer : answers) refused &= answer.get();
            return refused;
        }

        /** The route of {@code index}'s batch: batches go round every route and family, in a seeded order. */
        private Target target(long index) {
            return combinations
                    .get((int) ((index / BATCH) % combinations.size()))
                    .target();
        }

        private Family family(long index) {
            return combinations
                    .get((int) ((index / BATCH) % combinations.size()))
                    .family();
        }

        /** Sends one request and checks its answer; whether it was refused or only read. */
        private boolean send(long index) {
            HostileRequests.Request request =
                    HostileRequests.generate(seed, index, target(index), EnumSet.of(family(index)), host);
            sent.incrementAndGet();
            perFamily
                    .computeIfAbsent(request.family(), family -> new AtomicLong())
                    .incrementAndGet();
            RawHttp http = connections.get();
            RawHttp.Answer answer;
            try {
                answer = http.exchange(request.bytes(), request.lastOnConnection(), request.halfClose());
            } catch (IOException e) {
                http.close();
                unanswered(request);
                return true;
            }
            byte[] stalledAfter = http.stalledAfter();
            if (stalledAfter != null) {
                failure(
                        request.family() + " " + request.target().name() + " -> no answer on a kept-alive connection",
                        "no answer within the client's timeout on a kept-alive connection (answered "
                                + answer.status() + " on a new one); the request before it there: "
                                + clip(new String(stalledAfter, java.nio.charset.StandardCharsets.ISO_8859_1))
                                + "\n    " + request.describe(),
                        index);
            }
            if (answer.status() == 0) {
                unanswered(request);
                return true;
            }
            int status = answer.status();
            statuses.incrementAndGet(Math.min(599, status));
            String problem = check(request, answer);
            if (problem != null) {
                String route = request.target().name().replace("/uapi/", "/").replace("/sandbox/v2/", "/");
                failure(
                        request.family() + " " + route + " -> " + status + " " + problem.split(":", 2)[0],
                        problem + "\n    " + request.describe(),
                        index);
            }
            boolean read = ("GET".equals(request.method()) || "HEAD".equals(request.method()))
                    && !request.target().path().startsWith("/order")
                    && !request.target().path().startsWith("/{");
            return (status >= 400 && status < 500) || read;
        }

        /** A request the server closed the connection on without answering: counted, not a failure. */
        private void unanswered(HostileRequests.Request request) {
            noAnswer.incrementAndGet();
            unanswered
                    .computeIfAbsent(
                            request.family() + "/" + request.mutation().replaceAll("\\d+", "N"),
                            kind -> new AtomicLong())
                    .incrementAndGet();
        }

        private @Nullable String check(HostileRequests.Request request, RawHttp.Answer answer) {
            int status = answer.status();
            // 505 is HTTP's answer to a version it does not speak; as an answer to HTTP/1.1 it would be a failure.
            boolean version = status == 505 && request.mutation().startsWith("version");
            if (status >= 500 && !version) return "answered " + status + ": " + clip(answer.text());
            if (!request.target().api() || "HEAD".equals(request.method())) return null;
            if (request.family() == Family.CONTENT_TYPE
                    && status < 400
                    && !request.mutation().startsWith("content type application/json")) {
                return "answered " + status + " to a body sent as " + request.mutation();
            }
            String contentType = String.valueOf(answer.header("Content-Type"));
            String body = answer.text();
            String path = request.requestTarget();
            if (contract.covers(request.method(), path)
                    && (status >= 400 || contentType.startsWith("application/json"))
                    && !body.isEmpty()) {
                try {
                    contract.validate(request.method(), path, status, body);
                    return null;
                } catch (AssertionError e) {
                    if (status < 400 || !String.valueOf(e.getMessage()).contains("declares no")) {
                        return "answer breaks the spec: " + clip(String.valueOf(e.getMessage()));
                    }
                }
            }
            if (status < 400) return null;
            if (!contentType.startsWith("application/json")) {
                return status + " is not the bank's error body: " + contentType + " " + clip(body);
            }
            return errors.violation(status, body)
                    .map(why -> status + " is not the bank's error body: " + why)
                    .orElse(null);
        }

        private void failure(String key, String problem, long index) {
            failureCounts.computeIfAbsent(key, counted -> new AtomicLong()).incrementAndGet();
            String reproduce = index < 0
                    ? ""
                    : "\n    reproduce: mvn -B -ntp -pl server -am verify -Dtest=NONE"
                            + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='FuzzIT#" + testMethod + "'"
                            + " -Dfuzz.seed=" + seed + " -Dfuzz.only=" + index + "   (seen on " + db() + ")";
            if (failures.size() < 1000) failures.putIfAbsent(key, problem + reproduce);
        }

        void close() {
            pool.shutdownNow();
            opened.forEach(RawHttp::close);
        }

        String summary() {
            Map<Integer, Long> byStatus = new TreeMap<>();
            long fiveHundreds = 0;
            for (int status = 0; status < 600; status++) {
                long count = statuses.get(status);
                if (count > 0) byStatus.put(status, count);
                if (status >= 500) fiveHundreds += count;
            }
            Map<Family, Long> families = new TreeMap<>();
            perFamily.forEach((family, count) -> families.put(family, count.get()));
            return "FuzzIT " + testMethod + " on " + db() + ", seed " + seed + ": " + sent.get() + " requests, "
                    + fiveHundreds + " answered 5xx, " + noAnswer.get() + " without an answer; statuses " + byStatus
                    + "; families " + families + "; " + combinations.size() + " route x family combinations; "
                    + batchesChecked + " of " + batches
                    + " batches all refused and checked against the database; heap after GC " + mib(heapBefore)
                    + " -> " + mib(heapAfter) + ", live threads " + threadsBefore + " -> " + threadsAfter + "; "
                    + failures.size() + " distinct failures";
        }

        String report() {
            Map<String, String> sorted = new LinkedHashMap<>(new TreeMap<>(failures));
            Map<String, Long> silent = new TreeMap<>();
            unanswered.forEach((kind, count) -> silent.put(kind, count.get()));
            return summary() + "\nclosed without an answer (not failures): " + silent + "\n"
                    + sorted.entrySet().stream()
                            .limit(SHOWN_FAILURES)
                            .map(failure -> "  - " + failure.getKey() + " (" + failureCounts.get(failure.getKey())
                                    + "x)\n    " + failure.getValue())
                            .collect(Collectors.joining("\n"))
                    + (sorted.size() > SHOWN_FAILURES ? "\n  ... " + (sorted.size() - SHOWN_FAILURES) + " more" : "");
        }

        private static long heapAfterGc() {
            System.gc();
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        private static String mib(long bytes) {
            return (bytes >> 20) + " MiB";
        }

        private static String clip(String text) {
            String line = text.replace('\n', ' ');
            return line.length() <= 300 ? line : line.substring(0, 300) + "...";
        }
    }
}
