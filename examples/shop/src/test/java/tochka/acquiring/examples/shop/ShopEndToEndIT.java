package tochka.acquiring.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookSigner;
import tochka.acquiring.junit.ServerControl;
import tochka.acquiring.junit.TochkaServer;
import tochka.acquiring.testkit.TestServer;

/**
 * The shop against our server, both in this JVM: a buyer orders and pays, the bank's webhook marks the order paid,
 * the admin refunds it; forged and resent webhooks change nothing. {@code @TochkaServer} starts the server before the
 * Spring context, which {@code @DynamicPropertySource} points at it.
 */
@TochkaServer
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shop.admin-password=" + ShopEndToEndIT.ADMIN_PASSWORD})
@DirtiesContext
class ShopEndToEndIT {

    static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** Our server, started by {@code @TochkaServer} for this class; the shop's context is made after it. */
    @SuppressWarnings("NullAway.Init") // set in @BeforeAll, before any test or the Spring context needs it
    private static TestServer server;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    private int port;

    @Autowired
    private OrderStore orders;

    @Autowired
    private TochkaClient tochka;

    @DynamicPropertySource
    static void tochka(DynamicPropertyRegistry properties) {
        properties.add("tochka.base-url", () -> server.apiUrl());
        properties.add("tochka.token", () -> server.demoToken());
        properties.add("tochka.customer-code", () -> server.customerCode());
        properties.add("tochka.webhook.key-url", () -> server.url() + "/doc/openapi/static/keys/public");
        // The shop registers its webhook URL itself once up; the bank's test webhook must find it answering 200.
        properties.add("shop.webhook-client-id", () -> server.clientId());
    }

    @BeforeAll
    static void bank(TestServer started) {
        server = started;
    }

    @Test
    void registers_its_webhook_url_at_start_answering_the_banks_test_webhook() {
        var webhook = tochka.webhooks().get(server.clientId());

        assertThat(webhook.url()).isEqualTo("http://127.0.0.1:" + port + "/tochka/webhook");
        assertThat(webhook.webhooksList()).containsExactly(WebhookType.acquiringInternetPayment);
    }

    @Test
    void a_buyer_pays_the_webhook_marks_the_order_paid_and_the_admin_refunds_it(ServerControl control)
            throws Exception {
        assertThat(get("/").body()).contains("Оплатить", "590.00");

        HttpResponse<String> pay = post("/orders", "product=mug", null);

        assertThat(pay.statusCode()).isEqualTo(303);
        String paymentLink = pay.headers().firstValue("Location").orElseThrow();
        Order order = orderWithLink(paymentLink);
        assertThat(paymentLink).startsWith(server.url());
        assertThat(order.amount()).isEqualByComparingTo("590.00");
        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        var link = tochka.payments().get(operationId(order));
        assertThat(link.paymentLinkId()).isEqualTo(order.id());
        assertThat(link.redirectUrl()).isEqualTo("http://localhost:" + port + "/orders/" + order.id());
        assertThat(get("/orders/" + order.id()).body()).contains("data-status=\"NEW\"", "Обновить");

        control.pay(operationId(order));

        awaitStatus(order.id(), OrderStatus.PAID);
        assertThat(get("/orders/" + order.id()).body()).contains("data-status=\"PAID\"", "Оплачен");

        HttpResponse<String> refund = post("/admin/orders/" + order.id() + "/refund", "", ADMIN_PASSWORD);

        assertThat(refund.statusCode()).isEqualTo(303);
        assertThat(refund.headers().firstValue("Location")).hasValue("/admin");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(tochka.payments().get(operationId(order)).status()).isEqualTo(AcquiringPaymentStatus.REFUNDED);
        assertThat(get("/orders/" + order.id()).body()).contains("data-status=\"REFUNDED\"");
        // A second refund is refused: nothing is left to refund.
        assertThat(post("/admin/orders/" + order.id() + "/refund", "", ADMIN_PASSWORD)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void a_webhook_the_bank_sends_again_changes_nothing(ServerControl control) throws Exception {
        Order order = orderWithLink(post("/orders", "product=stickers", null)
                .headers()
                .firstValue("Location")
                .orElseThrow());
        control.pay(operationId(order));
        awaitStatus(order.id(), OrderStatus.PAID);
        assertThat(post("/admin/orders/" + order.id() + "/refund", "", ADMIN_PASSWORD)
                        .statusCode())
                .isEqualTo(303);

        // The same signed APPROVED webhook, delivered once more after the refund.
        String eventId = delivery(operationId(order)).path("eventId").asText();
        server.admin()
                .post("/admin/v1/webhooks/deliveries/" + eventId + "/resend", "")
                .expectStatus(200);

        await().atMost(DEADLINE).until(() -> {
            JsonNode delivery = delivery(operationId(order));
            return delivery.path("attempts").asInt() >= 2
                    && "DELIVERED".equals(delivery.path("status").asText());
        });
        assertThat(delivery(operationId(order)).path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void a_forged_webhook_is_refused_and_changes_nothing() throws Exception {
        Order order = orderWithLink(post("/orders", "product=mug", null)
                .headers()
                .firstValue("Location")
                .orElseThrow());
        PaymentEvent approved = PaymentEvent.builder()
                .customerCode(server.customerCode())
                .operationId(operationId(order))
                .paymentLinkId(order.id())
                .amount(new BigDecimal("590.00"))
                .build();
        // Signed with a key that is not the bank's.
        String forged = WebhookSigner.generate().sign(approved);

        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(shop("/tochka/webhook"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(forged))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void the_admin_pages_need_the_password() throws Exception {
        Order order = orderWithLink(post("/orders", "product=mug", null)
                .headers()
                .firstValue("Location")
                .orElseThrow());

        assertThat(get("/admin").statusCode()).isEqualTo(401);
        assertThat(post("/admin/orders/" + order.id() + "/refund", "", "wrong password")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(shop("/admin"))
                                .header("Authorization", basic(ADMIN_PASSWORD))
                                .build())
                        .body())
                .contains(order.id());
        // A POST that a browser sends from another site, credentials and all, is refused.
        assertThat(send(HttpRequest.newBuilder(shop("/admin/orders/" + order.id() + "/refund"))
                                .header("Authorization", basic(ADMIN_PASSWORD))
                                .header("Sec-Fetch-Site", "cross-site")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(403);
    }

    /** The order whose payment link is {@code paymentLink}. */
    private Order orderWithLink(String paymentLink) {
        return orders.all().stream()
                .filter(order -> paymentLink.equals(order.paymentLink()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no order has the payment link " + paymentLink));
    }

    /** The bank's operationId of {@code order}, which has its payment link. */
    private static String operationId(Order order) {
        return Objects.requireNonNull(order.operationId(), "the order has its payment link");
    }

    private void awaitStatus(String orderId, OrderStatus status) {
        await().atMost(DEADLINE).until(() -> orders.find(orderId).orElseThrow().status() == status);
    }

    /** The server's delivery log entry of the payment webhook for {@code operationId}. */
    private static JsonNode delivery(String operationId) {
        JsonNode log = server.admin()
                .get("/admin/v1/webhooks/deliveries?clientId=" + server.clientId())
                .expectStatus(200)
                .data()
                .path("Delivery");
        for (JsonNode delivery : log) {
            if (operationId.equals(delivery.path("operationId").asText())) return delivery;
        }
        throw new AssertionError("no webhook for " + operationId + " in " + log);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(shop(path)).build());
    }

    private HttpResponse<String> post(String path, String form, @Nullable String adminPassword)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(shop(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (adminPassword != null) request.header("Authorization", basic(adminPassword));
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI shop(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
