package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.ApiClient;
import tochka.acquiring.server.testing.ServerExtension;
import tochka.acquiring.server.testing.TestServer;

/** Refunds racing each other through HTTP never return more than was paid. */
class RefundConcurrencyIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    private final TestServer server = running.get();

    @Test
    void fifty_parallel_refunds_never_refund_more_than_was_paid() throws Exception {
        ApiClient api = server.api();
        String operationId = server.paidCardLink("10");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(pool.submit(() -> {
                go.await();
                return api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 0.7}}")
                        .status();
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Integer> status : statuses) {
            int code = status.get();
            assertThat(code).as("every refund is answered 200 or 400, never 5xx").isIn(200, 400);
            if (code == 200) accepted++;
        }
        pool.shutdown();

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
