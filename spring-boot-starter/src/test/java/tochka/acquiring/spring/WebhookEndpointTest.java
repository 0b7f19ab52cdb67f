package tochka.acquiring.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookSigner;
import tochka.acquiring.spring.app.WebhookTestApplication;

@SpringBootTest(
        classes = WebhookTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tochka.base-url=http://127.0.0.1:9/uapi",
            "tochka.token=test-token",
            "tochka.webhook.enabled=true",
            "tochka.webhook.path=/hooks/tochka"
        })
class WebhookEndpointTest {

    private static final String PATH = "/hooks/tochka";
    private static final WebhookSigner SIGNER = WebhookSigner.generate();

    @DynamicPropertySource
    static void trust_the_signers_key(DynamicPropertyRegistry registry) {
        registry.add("tochka.webhook.public-key", SIGNER::publicJwk);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebhookTestApplication.Listeners listeners;

    @BeforeEach
    void forget_earlier_events() {
        listeners.clear();
    }

    @Test
    void a_signed_payment_is_answered_200_after_the_listener_heard_it_with_its_exact_amount() throws Exception {
        PaymentEvent paid = PaymentEvent.builder()
                .operationId("op-1")
                .amount(new BigDecimal("1234.50"))
                .paymentLinkId("order-42")
                .build();

        int status = Webhooks.post(port, PATH, SIGNER.sign(paid));

        assertThat(status).isEqualTo(200);
        // Synchronous listeners ran before the answer: the event is there, no waiting needed.
        PaymentEvent heard = listeners.payments.poll();
        assertThat(heard).isNotNull();
        assertThat(heard.operationId()).isEqualTo("op-1");
        assertThat(heard.amount()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(heard.paymentLinkId()).isEqualTo("order-42");
        assertThat(heard.isApproved()).isTrue();
        assertThat(listeners.all).containsExactly(heard);
    }

    @Test
    void a_body_signed_with_another_key_is_answered_400_and_never_published() throws Exception {
        String forged = WebhookSigner.generate().sign(PaymentEvent.approved("op-forged", new BigDecimal("1.00")));

        assertThat(Webhooks.post(port, PATH, forged)).isEqualTo(400);
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void a_signed_body_with_a_changed_amount_is_answered_400_and_never_published() throws Exception {
        String token = SIGNER.sign(PaymentEvent.approved("op-2", new BigDecimal("1.00")));
        int payloadStart = token.indexOf('.') + 1;
        int payloadEnd = token.lastIndexOf('.');
        String claims = new String(
                Base64.getUrlDecoder().decode(token.substring(payloadStart, payloadEnd)), StandardCharsets.UTF_8);
        String richer = claims.replace("\"1.00\"", "\"1000000.00\"");
        assertThat(richer).isNotEqualTo(claims);
        String tampered = token.substring(0, payloadStart)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(richer.getBytes(StandardCharsets.UTF_8))
                + token.substring(payloadEnd);

        assertThat(Webhooks.post(port, PATH, tampered)).isEqualTo(400);
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void a_body_that_is_no_token_is_answered_400() throws Exception {
        assertThat(Webhooks.post(port, PATH, "{\"amount\":\"1.00\"}")).isEqualTo(400);
        assertThat(Webhooks.post(port, PATH, "")).isEqualTo(400);
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void a_body_over_64_kilobytes_is_refused_unread() throws Exception {
        String huge = "a".repeat(TochkaWebhookHandler.MAX_BODY_BYTES + 1);

        assertThat(Webhooks.post(port, PATH, huge)).isEqualTo(413);
        assertThat(listeners.all).isEmpty();
    }

    @Test
    void a_listener_that_throws_makes_the_answer_500_so_that_the_bank_sends_it_again() throws Exception {
        String body =
                SIGNER.sign(PaymentEvent.approved(WebhookTestApplication.FAILING_OPERATION, new BigDecimal("5.00")));

        assertThat(Webhooks.post(port, PATH, body)).isEqualTo(500);
        assertThat(listeners.payments).isEmpty();
    }

    @Test
    void the_default_path_is_not_served_when_another_is_set() throws Exception {
        String body = SIGNER.sign(PaymentEvent.approved("op-3", new BigDecimal("1.00")));

        assertThat(Webhooks.post(port, "/tochka/webhook", body)).isEqualTo(404);
        assertThat(listeners.all).isEmpty();
    }
}
