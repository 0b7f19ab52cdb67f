package tochka.acquiring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.spring.app.WebhookTestApplication;

/** The endpoint as a merchant of the real bank configures it: no key set, so the bank's shipped key is trusted. */
@SpringBootTest(
        classes = WebhookTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tochka.token=test-token", "tochka.webhook.enabled=true"})
class BankExampleWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    WebhookTestApplication.Listeners listeners;

    @Test
    void the_banks_own_example_webhook_is_accepted_with_the_shipped_key_and_published() throws Exception {
        String body = resource("/reference/webhook-examples/acquiringInternetPayment-card.jwt");

        assertThat(Webhooks.post(port, "/tochka/webhook", body)).isEqualTo(200);
        PaymentEvent heard = listeners.payments.poll();
        assertThat(heard).isNotNull();
        assertThat(heard.amount()).isEqualTo(new BigDecimal("0.33"));
        assertThat(heard.operationId()).isEqualTo("beeac8a4-6047-3f38-8922-a664e6b5c43b");
        assertThat(heard.paymentLinkId()).isEqualTo("12345-ab-cd");
        assertThat(heard.isApproved()).isTrue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BankExampleWebhookTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
