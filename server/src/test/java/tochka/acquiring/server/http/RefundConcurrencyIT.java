package tochka.acquiring.server.http;

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
import tochka.acquiring.server.testing.ApiClient;
import tochka.acquiring.server.testing.ServerExtension;
import tochka.acquiring.server.testing.TestServer;

/** Refunds and payments racing each other through HTTP: never more refunded than paid, never paid twice. */
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

    @Test
    void twenty_parallel_payments_of_one_link_pay_it_once() throws Exception {
        String operationId = server.api().post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "race", "paymentMode": ["card", "sbp"]}}
                """.formatted(server.info().customerCode())).expectStatus(200).data().get("operationId").asText();

        List<Integer> statuses = race(20, () -> server.simulate(operationId, "sbp", "approve").status());

        assertThat(statuses).as("one payment wins, the others are told the link is paid").containsOnly(200, 400)
                .filteredOn(status -> status == 200).hasSize(1);
        JsonNode payment = server.api().get("/acquiring/v1.0/payments/" + operationId).expectStatus(200).data()
                .get("Operation").get(0);
        assertThat(payment.get("Order")).hasSize(1);
    }

    @Test
    void fifty_parallel_refunds_never_refund_more_than_was_paid() throws Exception {
        ApiClient api = server.api();
        String operationId = server.paidCardLink("10");

        List<Integer> statuses = race(50, () -> api.post("/acquiring/v1.0/payments/" + operationId + "/refund",
                "{\"Data\": {\"amount\": 0.7}}").status());
        assertThat(statuses).as("every refund is answered 200 or 400, never 5xx").containsOnly(200, 400);
        long accepted = statuses.stream().filter(status -> status == 200).count();

        assertThat(accepted).as("14 x 0.70 = 9.80 fits in 10.00; a 15th would not").isEqualTo(14);
        JsonNode payment = api.get("/acquiring/v1.0/payments/" + operationId).expectStatus(200).data()
                .get("Operation").get(0);
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode order : payment.get("Order")) {
            if (order.get("type").asText().equals("refund")) refunded = refunded.add(order.get("amount").decimalValue());
        }
        assertThat(refunded).isEqualByComparingTo("9.8");
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED_PARTIALLY");
    }
}
