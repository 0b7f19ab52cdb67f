package tochka.acquiring.server.reliability;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.testkit.ApiResponse;

/**
 * Clients doing what shops and buyers do, in parallel, over {@link Nodes}: create links (one-stage card or SBP,
 * two-stage card), pay them through the control API, capture the two-stage ones, refund in parts. Every answer
 * goes into the {@link Ledger}: a 200 as acknowledged, a request with no answer (the server died) as in doubt. A
 * refusal must be the bank's 400 (paid already, nothing left to refund, ...); any other status is recorded as a
 * problem, and the tests require none.
 */
final class MixedLoad implements AutoCloseable {

    private final Nodes nodes;
    private final Ledger ledger;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private MixedLoad(Nodes nodes, Ledger ledger) {
        this.nodes = nodes;
        this.ledger = ledger;
    }

    /** Starts {@code clients} threads, each with its own random stream derived from {@code seed}. */
    static MixedLoad start(Nodes nodes, Ledger ledger, int clients, long seed) {
        MixedLoad load = new MixedLoad(nodes, ledger);
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed * 31 + i);
            Thread worker = new Thread(() -> load.work(random), "load-" + i);
            worker.setDaemon(true);
            load.workers.add(worker);
            worker.start();
        }
        return load;
    }

    /** Unexpected answers seen (a 5xx, a 2xx other than 200, a refusal that is not the bank's 400). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Stops the clients and waits for their last requests to end. */
    @Override
    public void close() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work(Random random) {
        while (running.get()) {
            Node node = nodes.next();
            if (node == null) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                continue;
            }
            Ledger.Entry entry = ledger.pick(random);
            int dice = random.nextInt(100);
            try {
                if (entry == null || dice < 30) {
                    create(node, random);
                } else if (!entry.paid()) {
                    pay(node, entry, random);
                } else if (entry.twoStage && !entry.captured()) {
                    capture(node, entry);
                } else {
                    refund(node, entry, random);
                }
            } catch (NotSent e) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
        }
    }

    private void create(Node node, Random random) {
        long kopecks = 100 + random.nextInt(100_000);
        int kind = random.nextInt(3);
        boolean twoStage = kind == 2;
        String modes = kind == 1 ? "[\"sbp\", \"card\"]" : "[\"card\"]";
        String body = """
                {"Data": {"customerCode": "%s", "amount": %s, "purpose": "reliability", "paymentMode": %s%s}}
                """.formatted(
                        node.customerCode(), roubles(kopecks), modes, twoStage ? ", \"preAuthorization\": true" : "");
        ApiResponse answer = send(() -> node.api().post("/acquiring/v1.0/payments", body));
        if (answer != null && expect(answer, "create")) {
            ledger.created(answer.data().get("operationId").asText(), kopecks, twoStage, kind == 1);
        }
    }

    private void pay(Node node, Ledger.Entry entry, Random random) {
        String type = entry.sbp && random.nextBoolean() ? "sbp" : "card";
        String outcome = entry.twoStage ? "authorize" : "approve";
        ApiResponse answer = send(() -> node.admin()
                .post(
                        "/control/v1/payments/" + entry.operationId + "/simulate",
                        "{\"paymentType\": \"" + type + "\", \"outcome\": \"" + outcome + "\"}"));
        if (answer == null) {
            entry.paidInDoubt();
        } else if (expect(answer, "pay")) {
            entry.paidAcknowledged();
        }
    }

    private void capture(Node node, Ledger.Entry entry) {
        ApiResponse answer =
                send(() -> node.api().post("/acquiring/v1.0/payments/" + entry.operationId + "/capture", "{}"));
        if (answer == null) {
            entry.capturedInDoubt();
        } else if (expect(answer, "capture")) {
            entry.capturedAcknowledged();
        }
    }

    private void refund(Node node, Ledger.Entry entry, Random random) {
        long left = entry.refundable();
        // Mostly what is left or less; now and then more, which must be refused.
        long kopecks = left <= 1 || random.nextInt(10) == 0
                ? left + 1
                : 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, left));
        ApiResponse answer = send(() -> node.api()
                .post(
                        "/acquiring/v1.0/payments/" + entry.operationId + "/refund",
                        "{\"Data\": {\"amount\": " + roubles(kopecks) + "}}"));
        if (answer == null) {
            entry.refundInDoubt(kopecks);
        } else if (expect(answer, "refund")) {
            entry.refundAcknowledged(kopecks);
        }
    }

    /**
     * The answer, or {@code null} when none came: the request is in doubt (it may or may not have happened). A
     * connection that was refused carried no request at all: that is not in doubt, and the client just moves on.
     */
    private @Nullable ApiResponse send(java.util.function.Supplier<ApiResponse> request) {
        try {
            return request.get();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.net.ConnectException) throw new NotSent();
            ledger.inDoubt();
            return null;
        }
    }

    /** The server was not there to take the request. */
    private static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSent() {
            super(null, null, false, false);
        }
    }

    /** True for a 200 (counted as acknowledged); false for the bank's 400; any other answer is a problem. */
    private boolean expect(ApiResponse answer, String what) {
        if (answer.status() == 200) {
            ledger.acknowledged();
            return true;
        }
        if (answer.status() != 400 || !answer.json().path("code").asText().equals("400")) {
            problems.add(what + ": " + answer.method() + " " + answer.path() + " answered " + answer.status() + " "
                    + answer.body());
        }
        return false;
    }

    static String roubles(long kopecks) {
        return java.math.BigDecimal.valueOf(kopecks, 2).toPlainString();
    }
}
