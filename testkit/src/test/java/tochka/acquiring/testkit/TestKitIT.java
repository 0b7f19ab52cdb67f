package tochka.acquiring.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit as a merchant's tests use it: the extension hands out a server, control pays, a webhook arrives. */
@ExtendWith(ServerExtension.class)
class TestKitIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final TestServer server;

    TestKitIT(TestServer server) {
        this.server = server;
    }

    @Test
    void a_link_paid_through_control_sends_its_webhook_to_the_receiver() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            server.api()
                    .send(
                            "PUT",
                            "/webhook/v1.0/" + server.clientId(),
                            "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + receiver.url() + "\"}")
                    .expectStatus(200);
            String operationId = link();

            server.control().pay(operationId);

            assertThat(receiver.next(DEADLINE).body()).isNotBlank();
            assertThat(server.status(operationId)).isEqualTo("APPROVED");
        }
    }

    @Test
    void a_declined_card_leaves_the_link_payable() {
        String operationId = link();

        server.control().decline(operationId);

        assertThat(server.status(operationId)).isEqualTo("CREATED");
    }

    @Test
    void the_clock_moves_by_whole_minutes() {
        Instant before = server.control().advanceClock(Duration.ofMinutes(1));
        Instant after = server.control().advanceClock(Duration.ofMinutes(60));

        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMinutes(60));
        assertThatThrownBy(() -> server.control().advanceClock(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_sandbox_token_sees_the_sandbox_company() {
        ApiResponse customers = ApiClient.bearer(server.sandboxUrl(), server.sandboxToken())
                .get("/open-banking/v1.0/customers")
                .expectStatus(200);

        assertThat(customers.body()).contains(server.sandboxCustomerCode());
    }

    @Test
    void the_demo_credentials_reach_the_bank_api() {
        assertThat(server.apiUrl()).isEqualTo(server.url() + "/uapi").startsWith("http://localhost:" + server.port());
        assertThat(server.merchantId()).isNotBlank();
        ApiClient.bearer(server.apiUrl(), server.demoToken())
                .get("/open-banking/v1.0/customers")
                .expectStatus(200);
        ApiClient.bearer(server.apiUrl(), "not-a-token")
                .get("/open-banking/v1.0/customers")
                .expectError(403);
    }

    @Test
    void a_server_runs_on_embedded_postgres_on_request() {
        try (TestServer onPostgres = TestServer.startOnPostgres()) {
            onPostgres.control().pay(link(onPostgres));
        }
    }

    private String link() {
        return link(server);
    }

    private static String link(TestServer server) {
        return server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 10.00, "purpose": "p", "paymentMode": ["card"]}}
                """.formatted(server.customerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }
}
