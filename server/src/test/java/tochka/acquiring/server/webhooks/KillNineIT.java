package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.ServerProcess;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * The server process is killed with SIGKILL while a webhook is pending (its receiver is down). After a restart over
 * the same store the acknowledged payment is still there and the webhook is delivered once the receiver is back.
 */
class KillNineIT {

    /** A claim left by the killed process lapses after twice the 2 s timeout plus 5 s; then the webhook goes out. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void pending_webhooks_survive_kill_minus_nine() throws Exception {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        WebhookReceiver receiver = WebhookReceiver.start();
        int receiverPort = receiver.port();
        String operationId;
        try (ServerProcess server = ServerProcess.start(dataDir, dbUrl)) {
            ApiClient api = ApiClient.bearer(server.get("api"), server.get("token"));
            api.send(
                            "PUT",
                            "/webhook/v1.0/" + server.get("clientId"),
                            "{\"webhooksList\": [\"acquiringInternetPayment\"]," + " \"url\": \"" + receiver.url()
                                    + "\"}")
                    .expectStatus(200);
            receiver.close();
            operationId = api.post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 5, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(server.get("customer")))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            ApiClient.bearer(server.get("root"), server.get("admin"))
                    .post(
                            "/control/v1/payments/" + operationId + "/simulate",
                            "{\"paymentType\": \"card\", \"outcome\": \"approve\"}")
                    .expectStatus(200);
        }

        Config config = Config.forTests(dataDir, dbUrl)
                .withWebhooks(new WebhookPolicy(
                        1000, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), List.of()));
        try (TestServer restarted = TestServer.start(config);
                WebhookReceiver back = WebhookReceiver.start(receiverPort)) {
            assertThat(restarted.status(operationId)).isEqualTo("APPROVED");
            assertThat(SignedJWT.parse(back.next(DEADLINE).body())
                            .getJWTClaimsSet()
                            .getClaims())
                    .containsEntry("operationId", operationId)
                    .containsEntry("status", "APPROVED");
        }
    }
}
