package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The bank's guide, step by step: find the Business customerCode, create a link, read CREATED, pay, read APPROVED,
 * refund part and then the rest; and the two-stage variant with capture. Once with the demo JWT key on /uapi and
 * once with the sandbox token on /sandbox/v2.
 */
class WalkthroughIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    static Stream<Arguments> clients() {
        return Stream.of(Arguments.of("uapi"), Arguments.of("sandbox"));
    }

    private ApiClient client(String which) {
        return which.equals("uapi") ? server.api() : server.sandbox();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void one_stage_link_is_paid_then_refunded_in_two_parts(String which) {
        ApiClient api = client(which);
        String customerCode = businessCustomerCode(which);

        JsonNode created = api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": "10", "purpose": "Тестовый платёж",
                          "paymentMode": ["sbp", "card"], "redirectUrl": "https://tochka.com/"}}
                """.formatted(customerCode))
                .expectStatus(200)
                .data();
        String operationId = created.get("operationId").asText();
        assertThat(created.get("status").asText()).isEqualTo("CREATED");
        assertThat(created.get("amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(created.get("paymentLink").asText()).endsWith("/order/?uuid=" + operationId);
        assertThat(info(api, operationId).get("status").asText()).isEqualTo("CREATED");

        server.simulate(operationId, "sbp", "approve").expectStatus(200);
        JsonNode paid = info(api, operationId);
        assertThat(paid.get("status").asText()).isEqualTo("APPROVED");
        assertThat(paid.get("paymentType").asText()).isEqualTo("sbp");
        assertThat(paid.get("paidAt").asText()).isNotBlank();

        JsonNode refund = api.post(
                        "/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": \"4.50\"}}")
                .expectStatus(200)
                .data();
        assertThat(refund.get("isRefund").asBoolean()).isTrue();
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(info(api, operationId).get("status").asText()).isEqualTo("REFUNDED_PARTIALLY");

        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 5.5}}")
                .expectStatus(200);
        JsonNode refunded = info(api, operationId);
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.get("Order"))
                .extracting(order -> order.get("type").asText())
                .containsExactly("approval", "refund", "refund");
        assertThat(refunded.get("Order").get(1).get("orderId").asText())
                .isEqualTo(refund.get("orderId").asText());
    }

    @ParameterizedTest
    @MethodSource("clients")
    void two_stage_link_is_authorized_captured_and_refunded(String which) {
        ApiClient api = client(which);
        String customerCode = businessCustomerCode(which);

        JsonNode created = api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 1234.00, "purpose": "Заказ 42",
                          "paymentMode": ["card"], "preAuthorization": true, "ttl": 60}}
                """.formatted(customerCode))
                .expectStatus(200)
                .data();
        String operationId = created.get("operationId").asText();
        assertThat(created.get("preAuthorization").asBoolean()).isTrue();

        server.simulate(operationId, "card", "approve").expectStatus(200);
        assertThat(info(api, operationId).get("status").asText()).isEqualTo("AUTHORIZED");

        JsonNode capture = api.post("/acquiring/v1.0/payments/" + operationId + "/capture", "")
                .expectStatus(200)
                .data();
        assertThat(capture.get("result").asBoolean()).isTrue();
        JsonNode captured = info(api, operationId);
        assertThat(captured.get("status").asText()).isEqualTo("APPROVED");
        assertThat(captured.get("Order"))
                .extracting(order -> order.get("type").asText())
                .containsExactly("authorized", "approval");

        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": \"1234\"}}")
                .expectStatus(200);
        assertThat(info(api, operationId).get("status").asText()).isEqualTo("REFUNDED");
    }

    /**
     * Step 6 of the guide: the code whose customerType is Business; nine digits starting with 3 in the real world,
     * the bank's sandbox code in the sandbox's.
     */
    private String businessCustomerCode(String which) {
        JsonNode customers = client(which)
                .get("/open-banking/v1.0/customers")
                .expectStatus(200)
                .data()
                .get("Customer");
        String code = java.util.stream.StreamSupport.stream(customers.spliterator(), false)
                .filter(customer -> customer.get("customerType").asText().equals("Business"))
                .map(customer -> customer.get("customerCode").asText())
                .findFirst()
                .orElseThrow();
        assertThat(code).matches(which.equals("sandbox") ? "1234567ab" : "3\\d{8}");
        return code;
    }

    private JsonNode info(ApiClient api, String operationId) {
        JsonNode operations = api.get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation");
        assertThat(operations).hasSize(1);
        return operations.get(0);
    }
}
