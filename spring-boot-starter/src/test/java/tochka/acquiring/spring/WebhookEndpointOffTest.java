package tochka.acquiring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookSigner;
import tochka.acquiring.spring.app.WebhookTestApplication;

@SpringBootTest(
        classes = WebhookTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tochka.base-url=sandbox")
class WebhookEndpointOffTest {

    @LocalServerPort
    int port;

    @Autowired
    TochkaClient client;

    @Autowired
    WebhookTestApplication.Listeners listeners;

    @Test
    void the_endpoint_is_off_unless_enabled() throws Exception {
        String body = WebhookSigner.generate().sign(PaymentEvent.approved("op-1", new BigDecimal("1.00")));

        assertThat(Webhooks.post(port, "/tochka/webhook", body)).isEqualTo(404);
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void the_application_gets_a_client_for_the_sandbox_without_a_token() {
        assertThat(client.baseUrl()).hasToString(TochkaClient.SANDBOX_URL + "/");
    }
}
