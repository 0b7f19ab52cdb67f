package tochka.acquiring.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * The sandbox is a world of its own: {@code sandbox.jwt.token} on {@code /sandbox/v2} acts only for the sandbox's
 * companies, {@code /uapi} keys never for them, and neither world can read, list, refund, capture, list in a
 * registry or receive webhooks of the other's payments.
 */
class SandboxWorldIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String[] OPERATIONS_WHICH_TOUCH_A_PAYMENT = {"read", "refund", "capture"};

    private final TestServer server = running.get();
    private static final WebhookReceiver realReceiver = WebhookReceiver.start();
    private static final WebhookReceiver sandboxReceiver = WebhookReceiver.start();

    @BeforeAll
    static void subscribe_both_worlds() {
        TestServer server = running.get();
        ApiClient api = server.api();
        api.send("PUT", "/webhook/v1.0/" + server.info().clientId(), body(realReceiver.url()))
                .expectStatus(200);
        server.sandbox()
                .send("PUT", "/webhook/v1.0/sandbox", body(sandboxReceiver.url()))
                .expectStatus(200);
    }

    @AfterAll
    static void stop_receivers() {
        realReceiver.close();
        sandboxReceiver.close();
    }

    private static String body(String url) {
        return "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + url + "\"}";
    }

    /** A paid link of {@code customerCode}, made through {@code client}; two-stage ones stay AUTHORIZED. */
    private String paid(ApiClient client, String customerCode, boolean twoStage) {
        return paid(server, client, customerCode, twoStage);
    }

    private static String paid(TestServer server, ApiClient client, String customerCode, boolean twoStage) {
        String operationId = client.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 20, "purpose": "p", "paymentMode": ["card"],
                          "preAuthorization": %s}}
                """.formatted(customerCode, twoStage))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.simulate(operationId, "card", "approve").expectStatus(200);
        return operationId;
    }

    private static List<String> operationIds(JsonNode operations) {
        return StreamSupport.stream(operations.spliterator(), false)
                .map(operation -> operation.get("operationId").asText())
                .toList();
    }

    @Test
    void the_sandbox_sees_only_its_own_companies_and_the_real_world_none_of_them() {
        JsonNode sandboxCustomers = server.sandbox()
                .get("/open-banking/v1.0/customers")
                .expectStatus(200)
                .data()
                .get("Customer");
        assertThat(StreamSupport.stream(sandboxCustomers.spliterator(), false)
                        .map(customer -> customer.get("customerCode").asText()))
                .containsExactlyInAnyOrder(DemoData.SANDBOX_BUSINESS_CODE, DemoData.SANDBOX_PERSONAL_CODE);
        assertThat(server.sandbox()
                        .get("/acquiring/v1.0/retailers?customerCode=" + DemoData.SANDBOX_BUSINESS_CODE)
                        .expectStatus(200)
                        .data()
                        .get("Retailer")
                        .get(0)
                        .get("merchantId")
                        .asText())
                .isEqualTo(DemoData.SANDBOX_MERCHANT_ID);

        JsonNode realCustomers = server.api()
                .get("/open-banking/v1.0/customers")
                .expectStatus(200)
                .data()
                .get("Customer");
        assertThat(realCustomers.toString())
                .doesNotContain(DemoData.SANDBOX_BUSINESS_CODE)
                .doesNotContain(DemoData.SANDBOX_PERSONAL_CODE);

        server.sandbox()
                .get("/open-banking/v1.0/customers/" + server.info().customerCode())
                .expectError(403);
        server.sandbox()
                .get("/acquiring/v1.0/retailers?customerCode=" + server.info().customerCode())
                .expectError(403);
        server.api()
                .get("/open-banking/v1.0/customers/" + DemoData.SANDBOX_BUSINESS_CODE)
                .expectError(403);
        server.api()
                .get("/acquiring/v1.0/retailers?customerCode=" + DemoData.SANDBOX_BUSINESS_CODE)
                .expectError(403);
    }

    @Test
    void neither_world_reads_lists_refunds_captures_or_registers_the_others_payments() {
        String realCode = server.info().customerCode();
        String sandboxCode = server.sandboxCustomerCode();
        record World(String name, ApiClient client, String code, String merchantId) {}
        World real = new World("uapi", server.api(), realCode, server.info().merchantId());
        World sandbox = new World(
                "sandbox", server.sandbox(), sandboxCode, server.info().sandboxMerchantId());

        for (World owner : List.of(real, sandbox)) {
            World other = owner == real ? sandbox : real;
            String oneStage = paid(owner.client(), owner.code(), false);
            String twoStage = paid(owner.client(), owner.code(), true);

            for (String operation : OPERATIONS_WHICH_TOUCH_A_PAYMENT) {
                for (String operationId : List.of(oneStage, twoStage)) {
                    var response = switch (operation) {
                        case "read" -> other.client().get("/acquiring/v1.0/payments/" + operationId);
                        case "refund" ->
                            other.client()
                                    .post(
                                            "/acquiring/v1.0/payments/" + operationId + "/refund",
                                            "{\"Data\": {\"amount\": 1}}");
                        default -> other.client().post("/acquiring/v1.0/payments/" + operationId + "/capture", "{}");
                    };
                    assertThat(response.status())
                            .as("%s of %s's %s from %s", operation, owner.name(), operationId, other.name())
                            .isEqualTo(404);
                }
            }
            // Listing or a registry of the owner's company is refused to the other world, and the other world's own
            // lists never hold the owner's payments.
            other.client()
                    .get("/acquiring/v1.0/payments?customerCode=" + owner.code())
                    .expectError(403);
            other.client()
                    .get("/acquiring/v1.0/registry?customerCode=" + owner.code() + "&merchantId=" + owner.merchantId()
                            + "&date=" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")))
                    .expectError(403);
            // Nor through its own company, naming the owner's retailer.
            assertThat(other.client()
                            .get("/acquiring/v1.0/registry?customerCode=" + other.code() + "&merchantId="
                                    + owner.merchantId() + "&date="
                                    + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")))
                            .status())
                    .isBetween(400, 499);
            List<String> othersOwn = operationIds(other.client()
                    .get("/acquiring/v1.0/payments?customerCode=" + other.code())
                    .expectStatus(200)
                    .data()
                    .get("Operation"));
            assertThat(othersOwn).as("%s's own list", other.name()).doesNotContain(oneStage, twoStage);
            // A payment link of the other world cannot even be made for the owner's company.
            other.client()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 1, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(owner.code()))
                    .expectError(403);

            // The owner still has its payments, untouched.
            assertThat(owner.client()
                            .get("/acquiring/v1.0/payments/" + oneStage)
                            .expectStatus(200)
                            .data()
                            .get("Operation")
                            .get(0)
                            .get("status")
                            .asText())
                    .isEqualTo("APPROVED");
            assertThat(owner.client()
                            .get("/acquiring/v1.0/payments/" + twoStage)
                            .expectStatus(200)
                            .data()
                            .get("Operation")
                            .get(0)
                            .get("status")
                            .asText())
                    .isEqualTo("AUTHORIZED");
        }
    }

    @Test
    void each_worlds_webhook_receives_only_its_own_worlds_events() throws Exception {
        List<String> real = new ArrayList<>();
        List<String> sandbox = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            real.add(paid(server.api(), server.info().customerCode(), false));
            sandbox.add(paid(server.sandbox(), server.sandboxCustomerCode(), false));
        }

        // The outbox is written with the payment change, so the delivery log says who will ever receive what.
        JsonNode log = server.admin()
                .get("/admin/v1/webhooks/deliveries?limit=1000")
                .expectStatus(200)
                .data()
                .get("Delivery");
        for (JsonNode delivery : log) {
            String operationId = delivery.get("operationId").asText();
            String clientId = delivery.get("clientId").asText();
            if (real.contains(operationId)) assertThat(clientId).isNotEqualTo("sandbox");
            if (sandbox.contains(operationId)) assertThat(clientId).isEqualTo("sandbox");
        }
        awaitOnly(realReceiver, real, sandbox);
        awaitOnly(sandboxReceiver, sandbox, real);
    }

    /** Waits until {@code receiver} has had every one of {@code expected}, failing on any of {@code forbidden}. */
    private static void awaitOnly(WebhookReceiver receiver, List<String> expected, List<String> forbidden)
            throws Exception {
        List<String> missing = new ArrayList<>(expected);
        while (!missing.isEmpty()) {
            String operationId =
                    String.valueOf(SignedJWT.parse(receiver.next(DEADLINE).body())
                            .getJWTClaimsSet()
                            .getClaim("operationId"));
            assertThat(forbidden).as("an event of the other world").doesNotContain(operationId);
            missing.remove(operationId);
        }
    }

    @Test
    void a_key_can_never_be_issued_for_a_sandbox_company() {
        assertThatThrownBy(() -> server.application()
                        .keys()
                        .issue(
                                "x",
                                Set.of(Permission.ReadAcquiringData),
                                Set.of(server.sandboxCustomerCode()),
                                null,
                                false))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("sandbox");
        assertThatThrownBy(() -> server.application()
                        .keys()
                        .issue(
                                "x",
                                Set.of(Permission.ReadAcquiringData),
                                Set.of(server.info().customerCode(), DemoData.SANDBOX_PERSONAL_CODE),
                                null,
                                false))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void a_store_made_before_the_sandbox_had_its_own_world_gains_it_and_keeps_its_payments() {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        String operationId;
        try (TestServer first = TestServer.start(dataDir, dbUrl)) {
            operationId = paid(first, first.api(), first.info().customerCode(), false);
            // As the data of an older version: no sandbox companies, the seed marker unset.
            first.application().database().transactions().useTransaction(handle -> {
                handle.execute("DELETE FROM retailer WHERE customer_code IN (SELECT customer_code FROM company"
                        + " WHERE sandbox = TRUE)");
                handle.execute("DELETE FROM company WHERE sandbox = TRUE");
                handle.execute("DELETE FROM setting WHERE name = 'sandbox_seeded'");
            });
            first.sandbox().get("/open-banking/v1.0/customers").expectStatus(200);
        }
        try (TestServer second = TestServer.start(dataDir, dbUrl)) {
            second.api().get("/acquiring/v1.0/payments/" + operationId).expectStatus(200);
            second.sandbox().get("/acquiring/v1.0/payments/" + operationId).expectError(404);
            assertThat(second.sandbox()
                            .get("/open-banking/v1.0/customers")
                            .expectStatus(200)
                            .data()
                            .get("Customer"))
                    .hasSize(2);
        }
    }
}
