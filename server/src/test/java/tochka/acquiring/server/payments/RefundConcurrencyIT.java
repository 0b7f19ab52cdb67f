package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * Refunds, captures, payments and creates racing each other through HTTP: never more refunded than paid, never paid
 * or captured twice, never two links with one {@code paymentLinkId}. The big race has 1,000 requests in flight at
 * once ({@code -Dreliability.races=...} changes the number).
 */
class RefundConcurrencyIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    /** Runs {@code task} {@code parallel} times at once; returns the HTTP statuses. */
    private static List<Integer> race(int parallel, Callable<Integer> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) statuses.add(future.get());
        pool.shutdown();
        return statuses;
    }

    /** The refunds in {@code operation}'s orders, in kopecks. */
    private static long refundedKopecks(JsonNode operation) {
        long refunded = 0;
        for (JsonNode order : operation.get("Order")) {
            if (order.get("type").asText().equals("refund")) {
                refunded += order.get("amount").decimalValue().movePointRight(2).longValueExact();
            }
        }
        return refunded;
    }

    @Test
    void a_thousand_parallel_refunds_and_captures_never_refund_more_than_was_paid_nor_capture_twice() throws Exception {
        int requests = Integer.getInteger("reliability.races", 1000);
        ApiClient api = server.api();
        String code = server.info().customerCode();
        // Ten paid links of 10.00 that refunds of 0.30 to 0.70 fight over, and ten two-stage links held for 10.00
        // that captures fight over (and refunds too: refused until a capture wins, then taken from what it took).
        List<String> paid = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paid.add(server.paidCardLink("10"));
            String twoStage = api.post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 10, "purpose": "race", "paymentMode": ["card"],
                     "preAuthorization": true}}
                    """.formatted(code))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            server.simulate(twoStage, "card", "authorize").expectStatus(200);
            held.add(twoStage);
        }
        record Attempt(String operationId, boolean capture, long kopecks) {}
        java.util.Random random = new java.util.Random(requests);
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            boolean onHeld = random.nextBoolean();
            String operationId = (onHeld ? held : paid).get(random.nextInt(10));
            attempts.add(new Attempt(operationId, onHeld && random.nextInt(3) == 0, 30 + random.nextInt(41)));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Map<String, Long> acceptedRefunds = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, Integer> acceptedCaptures = new java.util.concurrent.ConcurrentHashMap<>();

        List<Integer> statuses = race(requests, () -> {
            Attempt attempt = attempts.get(next.getAndIncrement());
            String path = "/acquiring/v1.0/payments/" + attempt.operationId();
            int status = attempt.capture()
                    ? api.post(path + "/capture", "{}").status()
                    : api.post(
                                    path + "/refund",
                                    "{\"Data\": {\"amount\": "
                                            + BigDecimal.valueOf(attempt.kopecks(), 2)
                                                    .toPlainString() + "}}")
                            .status();
            if (status == 200 && attempt.capture()) acceptedCaptures.merge(attempt.operationId(), 1, Integer::sum);
            if (status == 200 && !attempt.capture()) {
                acceptedRefunds.merge(attempt.operationId(), attempt.kopecks(), Long::sum);
            }
            return status;
        });

        assertThat(statuses)
                .as("every request is answered 200 or the bank's 400, never 5xx")
                .containsOnly(200, 400);
        for (String operationId : held) {
            assertThat(acceptedCaptures.getOrDefault(operationId, 0))
                    .as("captures of %s that won", operationId)
                    .isLessThanOrEqualTo(1);
        }
        for (String operationId : concat(paid, held)) {
            JsonNode operation = api.get("/acquiring/v1.0/payments/" + operationId)
                    .expectStatus(200)
                    .data()
                    .get("Operation")
                    .get(0);
            long refunded = refundedKopecks(operation);
            assertThat(refunded)
                    .as("refunded on %s: the sum of the refunds answered 200", operationId)
                    .isEqualTo(acceptedRefunds.getOrDefault(operationId, 0L));
            assertThat(refunded)
                    .as("never more refunded than paid on %s", operationId)
                    .isLessThanOrEqualTo(1000);
            int approvals = 0;
            for (JsonNode order : operation.get("Order")) {
                if (order.get("type").asText().equals("approval")) approvals++;
            }
            assertThat(approvals)
                    .as("approvals of %s", operationId)
                    .isEqualTo(held.contains(operationId) ? acceptedCaptures.getOrDefault(operationId, 0) : 1);
            String status = operation.get("status").asText();
            if (refunded == 1000) {
                assertThat(status).isEqualTo("REFUNDED");
            } else if (refunded > 0) {
                assertThat(status).isEqualTo("REFUNDED_PARTIALLY");
            } else {
                assertThat(status).isIn(held.contains(operationId) && approvals == 0 ? "AUTHORIZED" : "APPROVED");
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    @Test
    void one_payment_link_id_sent_by_many_clients_at_once_creates_one_link() throws Exception {
        String linkId = "order-" + System.nanoTime();
        List<ApiResponse> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = race(50, () -> {
            ApiResponse answer = server.api().post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 10, "purpose": "race", "paymentMode": ["card"],
                     "paymentLinkId": "%s"}}
                    """.formatted(
                            server.info().customerCode(), linkId));
            answers.add(answer);
            return answer.status();
        });

        assertThat(statuses)
                .as("one create wins, the others are refused")
                .containsOnly(200, 400)
                .filteredOn(status -> status == 200)
                .hasSize(1);
        for (ApiResponse answer : answers) {
            if (answer.status() == 400) answer.expectError(400, "Data.paymentLinkId", linkId, "already used");
        }
        JsonNode list = server.api()
                .get("/acquiring/v1.0/payments?customerCode=" + server.info().customerCode())
                .expectStatus(200)
                .data()
                .get("Operation");
        int withLinkId = 0;
        for (JsonNode operation : list) {
            if (linkId.equals(operation.path("paymentLinkId").asText())) withLinkId++;
        }
        assertThat(withLinkId).as("links with paymentLinkId %s", linkId).isEqualTo(1);
    }

    @Test
    void twenty_parallel_payments_of_one_link_pay_it_once() throws Exception {
        String operationId = server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "race", "paymentMode": ["card", "sbp"]}}
                """.formatted(server.info().customerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();

        List<Integer> statuses =
                race(20, () -> server.simulate(operationId, "sbp", "approve").status());

        assertThat(statuses)
                .as("one payment wins, the others are told the link is paid")
                .containsOnly(200, 400)
                .filteredOn(status -> status == 200)
                .hasSize(1);
        JsonNode payment = server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
        assertThat(payment.get("Order")).hasSize(1);
    }

    @Test
    void fifty_parallel_refunds_never_refund_more_than_was_paid() throws Exception {
        ApiClient api = server.api();
        String operationId = server.paidCardLink("10");

        List<Integer> statuses = race(
                50,
                () -> api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 0.7}}")
                        .status());
        assertThat(statuses)
                .as("every refund is answered 200 or 400, never 5xx")
                .containsOnly(200, 400);
        long accepted = statuses.stream().filter(status -> status == 200).count();

        assertThat(accepted)
                .as("14 x 0.70 = 9.80 fits in 10.00; a 15th would not")
                .isEqualTo(14);
        JsonNode payment = api.get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode order : payment.get("Order")) {
            if (order.get("type").asText().equals("refund"))
                refunded = refunded.add(order.get("amount").decimalValue());
        }
        assertThat(refunded).isEqualByComparingTo("9.8");
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED_PARTIALLY");
    }
}
