package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.Config;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;
import tochka.acquiring.testkit.WebhookReceiver.Received;

/** Webhooks end to end: management as the bank's, signed RS256 bodies, retries, restarts, parallel receivers. */
class WebhooksIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** The pause between two looks at the delivery log: often enough not to slow a test, rare enough to be idle. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** The test policy with a 30 s timeout: requests a receiver holds do not time out while a test looks at them. */
    private static final WebhookPolicy LONG_TIMEOUT = new WebhookPolicy(
            30, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(30), List.of());

    private final TestServer server = running.get();
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stop_receiver() {
        receiver.close();
    }

    /** A fresh key of the demo company with its own client_id, so each test owns its webhook. */
    private ApiClient newKey() {
        return server.api(server.application()
                .keys()
                .issue(
                        "webhooks",
                        Set.copyOf(Permission.ACQUIRING),
                        Set.of(server.info().customerCode()),
                        null,
                        false)
                .token());
    }

    private static String clientIdOf(ApiClient api) {
        return api.get("/consent/v1.0/consents")
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0)
                .get("clientId")
                .asText();
    }

    private static void subscribe(ApiClient api, WebhookReceiver receiver, String... types) {
        api.send("PUT", "/webhook/v1.0/" + clientIdOf(api), body(receiver.url(), types))
                .expectStatus(200);
        receiver.clear();
    }

    private static String body(String url, String... types) {
        return "{\"webhooksList\": [\"" + String.join("\", \"", types) + "\"], \"url\": \"" + url + "\"}";
    }

    private String pay(ApiClient api, String mode, String extra) {
        String operationId = api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": "10.5", "purpose": "Заказ 9", "paymentMode": ["card", "sbp"],
                          "paymentLinkId": "%s"%s}}
                """.formatted(
                                server.info().customerCode(), java.util.UUID.randomUUID(), extra))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.simulate(operationId, mode, "approve").expectStatus(200);
        return operationId;
    }

    private Map<String, Object> verifiedClaims(Received webhook) throws Exception {
        assertThat(webhook.contentType()).isEqualTo("text/plain");
        SignedJWT jwt = SignedJWT.parse(webhook.body());
        RSAKey published = (RSAKey)
                JWK.parse(server.admin().get("/doc/openapi/static/keys/public").body());
        assertThat(jwt.verify(new RSASSAVerifier(published.toRSAPublicKey())))
                .as("signed by the published key")
                .isTrue();
        return jwt.getJWTClaimsSet().getClaims();
    }

    @Test
    void subscribing_tests_the_url_and_keeps_the_webhook_as_the_bank_does() throws Exception {
        ApiClient api = newKey();
        String clientId = clientIdOf(api);

        JsonNode saved = api.send(
                        "PUT",
                        "/webhook/v1.0/" + clientId,
                        body(receiver.url(), "acquiringInternetPayment", "incomingSbpPayment"))
                .expectStatus(200)
                .data();

        assertThat(saved.get("url").asText()).isEqualTo(receiver.url());
        assertThat(verifiedClaims(receiver.next(DEADLINE)).get("webhookType")).isEqualTo("acquiringInternetPayment");
        assertThat(verifiedClaims(receiver.next(DEADLINE)).get("webhookType")).isEqualTo("incomingSbpPayment");
        assertThat(api.get("/webhook/v1.0/" + clientId).expectStatus(200).data().get("webhooksList"))
                .extracting(JsonNode::asText)
                .containsExactly("acquiringInternetPayment", "incomingSbpPayment");
        api.send("PUT", "/webhook/v1.0/" + clientId, body(receiver.url(), "acquiringInternetPayment"))
                .expectError(400, "already exists");
    }

    @Test
    void a_dead_or_failing_url_is_refused_and_nothing_is_kept() {
        ApiClient api = newKey();
        String clientId = clientIdOf(api);
        receiver.answer(500);

        api.send("PUT", "/webhook/v1.0/" + clientId, body(receiver.url(), "acquiringInternetPayment"))
                .expectError(400, "was not accepted");
        api.send("PUT", "/webhook/v1.0/" + clientId, body("http://127.0.0.1:1/nobody", "acquiringInternetPayment"))
                .expectError(400, "was not accepted");
        api.send("PUT", "/webhook/v1.0/" + clientId, body("http://shop.example/hook", "acquiringInternetPayment"))
                .expectError(400, "loopback");
        api.send("PUT", "/webhook/v1.0/" + clientId, body("https://shop.example:8443/hook", "acquiringInternetPayment"))
                .expectError(400, "443");
        api.send(
                        "PUT",
                        "/webhook/v1.0/" + clientId,
                        "{\"webhooksList\": [\"everything\"], \"url\": \"" + receiver.url() + "\"}")
                .expectError(400, "webhooksList[0]: must be one of");
        api.send("PUT", "/webhook/v1.0/" + clientId, "{\"url\": \"" + receiver.url() + "\"}")
                .expectError(400, "webhooksList: field required");
        api.get("/webhook/v1.0/" + clientId).expectError(404, clientId);
    }

    @Test
    void a_key_manages_only_its_own_client_id_and_needs_the_permission() {
        ApiClient mine = newKey();
        String theirs = server.info().clientId();
        ApiClient withoutPermission = server.api(server.application()
                .keys()
                .issue(
                        "reader",
                        Set.of(Permission.ReadAcquiringData),
                        Set.of(server.info().customerCode()),
                        null,
                        false)
                .token());

        mine.get("/webhook/v1.0/" + theirs).expectError(403, "its own");
        mine.send("PUT", "/webhook/v1.0/" + theirs, body(receiver.url(), "acquiringInternetPayment"))
                .expectError(403, "its own");
        mine.send("DELETE", "/webhook/v1.0/" + theirs, null).expectStatus(403);
        withoutPermission.get("/webhook/v1.0/" + clientIdOf(withoutPermission)).expectError(403, "ManageWebhookData");
    }

    @Test
    void a_card_payment_sends_a_signed_acquiring_internet_payment_in_the_banks_shape() throws Exception {
        ApiClient api = newKey();
        subscribe(api, receiver, "acquiringInternetPayment");

        String operationId = pay(api, "card", "");

        Received webhook = receiver.next(DEADLINE);
        Map<String, Object> claims = verifiedClaims(webhook);
        assertThat(claims)
                .containsEntry("webhookType", "acquiringInternetPayment")
                .containsEntry("operationId", operationId)
                .containsEntry("amount", "10.5")
                .containsEntry("paymentType", "card")
                .containsEntry("status", "APPROVED")
                .containsEntry("customerCode", server.info().customerCode())
                .containsEntry("merchantId", server.info().merchantId())
                .containsEntry("purpose", "Заказ 9")
                .containsKeys("consumerId", "paymentLinkId")
                .doesNotContainKeys("transactionId", "qrcId", "iat", "exp");
        RSAKey fromSet = (RSAKey)
                JWKSet.parse(server.admin().get("/.well-known/jwks.json").body())
                        .getKeys()
                        .get(0);
        assertThat(SignedJWT.parse(webhook.body()).verify(new RSASSAVerifier(fromSet)))
                .as("and by the JWKS")
                .isTrue();
        assertThat(SignedJWT.parse(webhook.body()).getHeader().toBase64URL().toString())
                .isEqualTo("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9");
    }

    @Test
    void a_two_stage_payment_sends_authorized_then_approved_on_capture() throws Exception {
        ApiClient api = newKey();
        subscribe(api, receiver, "acquiringInternetPayment");

        String operationId = pay(api, "card", ", \"preAuthorization\": true");
        assertThat(verifiedClaims(receiver.next(DEADLINE))).containsEntry("status", "AUTHORIZED");
        api.post("/acquiring/v1.0/payments/" + operationId + "/capture", "").expectStatus(200);

        assertThat(verifiedClaims(receiver.next(DEADLINE)))
                .containsEntry("status", "APPROVED")
                .containsEntry("operationId", operationId);
    }

    @Test
    void a_receiver_gets_several_webhooks_at_once_but_those_of_one_payment_one_after_another() throws Exception {
        try (TestServer own = TestServer.start(
                Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl()).withWebhooks(LONG_TIMEOUT))) {
            ApiClient api = own.api();
            subscribe(api, receiver, "acquiringInternetPayment");
            CountDownLatch release = new CountDownLatch(1);
            receiver.holdUntil(release, Duration.ofSeconds(20));
            String twoStage;
            try {
                // One payment's two events first (AUTHORIZED, then APPROVED on capture), then ten payments' one each.
                twoStage = own.link(
                        "\"amount\": 5, \"purpose\": \"p\", \"paymentMode\": [\"card\"], \"preAuthorization\": true");
                own.simulate(twoStage, "card", "approve").expectStatus(200);
                api.post("/acquiring/v1.0/payments/" + twoStage + "/capture", "")
                        .expectStatus(200);
                for (int i = 0; i < 10; i++) own.paidCardLink("10");

                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (receiver.arrivals() < Dispatcher.PER_RECEIVER && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(POLL.toNanos());
                }
                // The dispatcher looks for work at least every half second: after a second, all it would add is in.
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                List<String> held = receiver.held();
                assertThat(held).as("webhooks the receiver holds at once").hasSize(Dispatcher.PER_RECEIVER);
                List<String> ofTwoStage = new ArrayList<>();
                for (String body : held) {
                    Map<String, Object> claims =
                            SignedJWT.parse(body).getJWTClaimsSet().getClaims();
                    if (twoStage.equals(claims.get("operationId")))
                        ofTwoStage.add(String.valueOf(claims.get("status")));
                }
                assertThat(ofTwoStage)
                        .as("the two-stage payment's webhooks in flight")
                        .containsExactly("AUTHORIZED");
            } finally {
                release.countDown();
            }

            List<String> statusesOfTwoStage = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> claims = SignedJWT.parse(
                                receiver.next(DEADLINE).body())
                        .getJWTClaimsSet()
                        .getClaims();
                if (twoStage.equals(claims.get("operationId"))) {
                    statusesOfTwoStage.add(String.valueOf(claims.get("status")));
                }
            }
            assertThat(statusesOfTwoStage).containsExactly("AUTHORIZED", "APPROVED");
        }
    }

    @Test
    void an_sbp_payment_sends_both_sbp_field_sets() throws Exception {
        ApiClient api = newKey();
        subscribe(api, receiver, "acquiringInternetPayment", "incomingSbpPayment");

        String operationId = pay(api, "sbp", "");

        Map<String, Map<String, Object>> byType = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> claims = verifiedClaims(receiver.next(DEADLINE));
            byType.put((String) claims.get("webhookType"), claims);
        }
        JsonNode operation = api.get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
        assertThat(byType.get("acquiringInternetPayment"))
                .containsEntry("paymentType", "sbp")
                .containsEntry("transactionId", operation.get("transactionId").asText())
                .containsEntry("payerName", "Иван Иванович И.")
                .containsKey("qrcId")
                .doesNotContainKey("consumerId");
        assertThat(byType.get("incomingSbpPayment"))
                .containsEntry("amount", "10.5")
                .containsEntry(
                        "refTransactionId", operation.get("transactionId").asText())
                .containsEntry(
                        "qrcId",
                        byType.getOrDefault("acquiringInternetPayment", Map.of())
                                .get("qrcId"))
                .hasEntrySatisfying(
                        "merchantId",
                        merchantId -> assertThat((String) merchantId).matches("MF\\d{10}"));
    }

    @Test
    void a_receiver_that_answers_500_gets_the_same_token_on_retry_and_the_log_shows_it() {
        ApiClient api = newKey();
        subscribe(api, receiver, "acquiringInternetPayment");
        receiver.answer(500, 503);

        String operationId = pay(api, "card", "");

        Received first = receiver.next(DEADLINE);
        Received second = receiver.next(DEADLINE);
        Received third = receiver.next(DEADLINE);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(third.body())
                .as("every attempt carries the same JWT, so receivers can dedupe")
                .isEqualTo(first.body());
        JsonNode delivery = deliveryOf(server, clientIdOf(api), operationId, "DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void the_delivery_log_names_the_host_port_and_reason_of_a_failed_attempt() {
        ApiClient api = newKey();
        subscribe(api, receiver, "acquiringInternetPayment");
        int port = receiver.port();
        receiver.close();

        String operationId = pay(api, "card", "");

        JsonNode delivery = awaitDelivery(
                server,
                clientIdOf(api),
                operationId,
                attempt -> attempt.get("attempts").asInt() >= 1);
        assertThat(delivery.get("lastError").asText()).isEqualTo("connection refused: 127.0.0.1:" + port);
    }

    @Test
    void an_operator_can_resend_a_delivered_webhook() {
        ApiClient api = newKey();
        subscribe(api, receiver, "acquiringInternetPayment");
        String operationId = pay(api, "card", "");
        String token = receiver.next(DEADLINE).body();
        String eventId = deliveryOf(server, clientIdOf(api), operationId, "DELIVERED")
                .get("eventId")
                .asText();

        server.admin()
                .post("/admin/v1/webhooks/deliveries/" + eventId + "/resend", "")
                .expectStatus(200);

        assertThat(receiver.next(DEADLINE).body()).isEqualTo(token);
        server.admin()
                .withAuthorization("Bearer " + server.info().demoToken())
                .post("/admin/v1/webhooks/deliveries/" + eventId + "/resend", "")
                .expectStatus(403);
        server.admin().post("/admin/v1/webhooks/deliveries/nope/resend", "").expectError(404, "nope");
    }

    @Test
    void test_send_delivers_a_test_webhook_of_a_subscribed_type() throws Exception {
        ApiClient api = newKey();
        String clientId = clientIdOf(api);
        subscribe(api, receiver, "acquiringInternetPayment");

        api.post("/webhook/v1.0/" + clientId + "/test_send", "{\"webhookType\": \"acquiringInternetPayment\"}")
                .expectStatus(200);

        assertThat(verifiedClaims(receiver.next(DEADLINE)))
                .containsEntry("customerCode", server.info().customerCode());
        api.post("/webhook/v1.0/" + clientId + "/test_send", "{\"webhookType\": \"incomingPayment\"}")
                .expectError(400, "not among");
        api.post("/webhook/v1.0/" + clientId + "/test_send", "{}").expectError(400, "webhookType: field required");
    }

    @Test
    void an_edited_webhook_goes_to_the_new_url_and_a_deleted_one_gets_nothing() throws Exception {
        ApiClient api = newKey();
        String clientId = clientIdOf(api);
        subscribe(api, receiver, "acquiringInternetPayment");
        try (WebhookReceiver moved = WebhookReceiver.start();
                WebhookReceiver control = WebhookReceiver.start()) {
            api.post("/webhook/v1.0/" + clientId, body(moved.url(), "acquiringInternetPayment"))
                    .expectStatus(200);
            moved.clear();
            pay(api, "card", "");
            moved.next(DEADLINE);

            api.send("DELETE", "/webhook/v1.0/" + clientId, null).expectStatus(200);
            api.get("/webhook/v1.0/" + clientId).expectStatus(404);
            api.send("DELETE", "/webhook/v1.0/" + clientId, null).expectStatus(404);
            api.post("/webhook/v1.0/" + clientId, body(moved.url(), "acquiringInternetPayment"))
                    .expectError(404, "no webhook");

            // A payment after the DELETE: the live subscription of another key of the same company gets its
            // webhook (so events are published and delivered), the deleted one gets none, not even queued.
            ApiClient live = newKey();
            subscribe(live, control, "acquiringInternetPayment");
            moved.clear();
            String afterDelete = pay(api, "card", "");

            Map<String, Object> delivered = verifiedClaims(control.next(DEADLINE));
            assertThat(delivered).containsEntry("operationId", afterDelete);
            deliveryOf(server, clientIdOf(live), afterDelete, "DELIVERED");
            assertThat(deliveriesOf(server, clientId))
                    .as("the deleted webhook's delivery log")
                    .noneMatch(delivery ->
                            afterDelete.equals(delivery.get("operationId").asText()));
            assertThat(moved.count())
                    .as("webhooks at the deleted webhook's url")
                    .isZero();
        }
        assertThat(receiver.count()).isZero();
    }

    @Test
    void the_sandbox_manages_its_own_webhook_for_its_own_companies() throws Exception {
        ApiClient sandbox = server.sandbox();
        sandbox.send("PUT", "/webhook/v1.0/sandbox", body(receiver.url(), "acquiringInternetPayment"))
                .expectStatus(200);
        receiver.clear();

        String operationId = sandbox.post(
                        "/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": "10.5", "purpose": "p", "paymentMode": ["card"]}}
                """.formatted(server.info().sandboxCustomerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.simulate(operationId, "card", "approve").expectStatus(200);

        assertThat(verifiedClaims(receiver.next(DEADLINE))).containsEntry("operationId", operationId);
        sandbox.send("DELETE", "/webhook/v1.0/sandbox", null).expectStatus(200);
    }

    @Test
    void a_receiver_down_across_a_server_restart_still_gets_its_webhook() throws Exception {
        var dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        var patient = new WebhookPolicy(
                1000, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), List.of());
        Config config = Config.forTests(dataDir, dbUrl).withWebhooks(patient);
        int port = receiver.port();
        String operationId;
        try (TestServer first = TestServer.start(config)) {
            ApiClient api = first.api();
            api.send(
                            "PUT",
                            "/webhook/v1.0/" + first.info().clientId(),
                            body(receiver.url(), "acquiringInternetPayment"))
                    .expectStatus(200);
            receiver.close();
            operationId = api.post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 7, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(
                                    first.info().customerCode()))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            first.simulate(operationId, "card", "approve").expectStatus(200);
            awaitDelivery(
                    first,
                    first.info().clientId(),
                    operationId,
                    delivery -> delivery.get("attempts").asInt() >= 1
                            && delivery.get("status").asText().equals("PENDING"));
        }

        try (TestServer second = TestServer.start(config);
                WebhookReceiver back = WebhookReceiver.start(port)) {
            Received webhook = back.next(DEADLINE);
            assertThat(SignedJWT.parse(webhook.body()).getJWTClaimsSet().getClaims())
                    .containsEntry("operationId", operationId);
            assertThat(deliveryOf(second, second.info().clientId(), operationId, "DELIVERED")
                            .get("attempts")
                            .asInt())
                    .as("it failed before the restart")
                    .isGreaterThan(1);
        }
    }

    @Test
    void a_slow_receiver_does_not_hold_up_another() throws Exception {
        try (TestServer own = TestServer.start(Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl())
                        .withWebhooks(LONG_TIMEOUT));
                WebhookReceiver fast = WebhookReceiver.start()) {
            ApiClient slowKey = own.api();
            ApiClient fastKey = own.api(own.application()
                    .keys()
                    .issue(
                            "fast",
                            Set.copyOf(Permission.ACQUIRING),
                            Set.of(own.info().customerCode()),
                            null,
                            false)
                    .token());
            subscribe(slowKey, receiver, "acquiringInternetPayment");
            subscribe(fastKey, fast, "acquiringInternetPayment");
            CountDownLatch fastArrived = new CountDownLatch(1);
            receiver.holdUntil(fastArrived, Duration.ofSeconds(20));

            String operationId = own.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 3, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(own.info().customerCode()))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            own.simulate(operationId, "card", "approve").expectStatus(200);

            fast.next(DEADLINE);
            assertThat(receiver.count())
                    .as("the slow receiver is still holding its request")
                    .isZero();
            fastArrived.countDown();
            receiver.next(DEADLINE);
        }
    }

    /** The log entry of an operation's webhook once it reaches {@code status} (the log is written after the POST). */
    private static JsonNode deliveryOf(TestServer server, String clientId, String operationId, String status) {
        return awaitDelivery(
                server,
                clientId,
                operationId,
                delivery -> status.equals(delivery.get("status").asText()));
    }

    /** Polls the delivery log, {@link #POLL} apart, until the condition holds or {@link #DEADLINE} passes. */
    private static JsonNode awaitDelivery(
            TestServer server, String clientId, String operationId, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            for (JsonNode delivery : deliveriesOf(server, clientId)) {
                if (operationId.equals(delivery.get("operationId").asText()) && condition.test(delivery)) {
                    return delivery;
                }
            }
            if (System.nanoTime() - deadline >= 0) break;
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new AssertionError("the delivery of " + operationId + " did not come to pass within " + DEADLINE);
    }

    private static List<JsonNode> deliveriesOf(TestServer server, String clientId) {
        List<JsonNode> deliveries = new java.util.ArrayList<>();
        server.admin()
                .get("/admin/v1/webhooks/deliveries?clientId=" + clientId)
                .expectStatus(200)
                .data()
                .get("Delivery")
                .forEach(deliveries::add);
        return deliveries;
    }
}
