package tochka.acquiring.server.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tochka.acquiring.server.Config;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * How long a merchant waits for its webhook: the time from the moment the buyer's payment is approved (the control
 * API's simulate call is sent) to the moment the {@code acquiringInternetPayment} webhook reaches a receiver on
 * loopback, over {@code n} payments one after another. Prints p50, p90, p99 and max. The bank documents 5 to 10 s.
 *
 * <p>Run: {@code bench/webhook-latency [payments] [sqlite|postgres]}.
 */
public final class WebhookLatencyBenchmark {

    private WebhookLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int payments = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        if (args.length > 1) System.setProperty("tochka.test.db", args[1]);
        Config config =
                Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl()).withWebhooks(WebhookPolicy.BANK);
        try (TestServer server = TestServer.start(config);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            ApiClient api = server.api();
            api.send(
                            "PUT",
                            "/webhook/v1.0/" + server.info().clientId(),
                            "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + receiver.url() + "\"}")
                    .expectStatus(200);
            receiver.clear();
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < payments + 10; i++) {
                String operationId = api.post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 100, "purpose": "bench", "paymentMode": ["card"]}}
                        """.formatted(
                                        server.info().customerCode()))
                        .expectStatus(200)
                        .data()
                        .get("operationId")
                        .asText();
                long approved = System.nanoTime();
                server.simulate(operationId, "card", "approve").expectStatus(200);
                long received = receiver.next(Duration.ofSeconds(30)).nanoTime();
                if (i >= 10) micros.add((received - approved) / 1_000); // the first ten warm the JVM up
            }
            Collections.sort(micros);
            System.out.printf(
                    Locale.ROOT,
                    "webhook latency, approve -> received, %d payments on %s:%n",
                    payments,
                    TestDatabases.postgres() ? "PostgreSQL" : "SQLite");
            System.out.printf(
                    Locale.ROOT,
                    "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    percentile(micros, 50),
                    percentile(micros, 90),
                    percentile(micros, 99),
                    micros.get(micros.size() - 1) / 1000.0);
        }
        System.exit(0);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
