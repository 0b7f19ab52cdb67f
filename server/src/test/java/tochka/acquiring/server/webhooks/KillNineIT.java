package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.ApiClient;
import tochka.acquiring.server.testing.ServerMain;
import tochka.acquiring.server.testing.TestDatabases;
import tochka.acquiring.server.testing.TestServer;
import tochka.acquiring.server.testing.WebhookReceiver;

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
        Process child = startChild(dataDir, dbUrl);
        String operationId;
        try {
            Map<String, String> server = announcement(child);
            ApiClient api = ApiClient.bearer(server.get("api"), server.get("token"));
            api.send("PUT", "/webhook/v1.0/" + server.get("clientId"), "{\"webhooksList\": [\"acquiringInternetPayment\"],"
                    + " \"url\": \"" + receiver.url() + "\"}").expectStatus(200);
            receiver.close();
            operationId = api.post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 5, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(server.get("customer"))).expectStatus(200).data().get("operationId").asText();
            ApiClient.bearer(server.get("root"), server.get("admin"))
                    .post("/control/v1/payments/" + operationId + "/simulate",
                            "{\"paymentType\": \"card\", \"outcome\": \"approve\"}")
                    .expectStatus(200);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        Config config = Config.forTests(dataDir, dbUrl).withWebhooks(new WebhookPolicy(1000, Duration.ofMillis(200),
                false, Duration.ofHours(1), Duration.ofSeconds(2), false));
        try (TestServer restarted = TestServer.start(config); WebhookReceiver back = WebhookReceiver.start(receiverPort)) {
            assertThat(restarted.api().get("/acquiring/v1.0/payments/" + operationId).expectStatus(200).data()
                    .get("Operation").get(0).get("status").asText()).isEqualTo("APPROVED");
            assertThat(SignedJWT.parse(back.next(DEADLINE).body()).getJWTClaimsSet().getClaims())
                    .containsEntry("operationId", operationId).containsEntry("status", "APPROVED");
        }
    }

    private static Process startChild(Path dataDir, String dbUrl) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), dataDir.toString()));
        if (dbUrl != null) command.add(dbUrl);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The child's {@code name=value} lines up to {@code ready}: where it serves and its demo credentials. */
    private static Map<String, String> announcement(Process child) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> values = new HashMap<>();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.equals("ready")) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return values;
            }
            int equals = line.indexOf('=');
            if (equals > 0) values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        throw new AssertionError("the server process ended before it served: " + values);
    }
}
