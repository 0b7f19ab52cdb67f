package tochka.acquiring.server.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract oracle itself: path matching against the bank's spec and schema validation of response bodies. */
class OpenApiContractTest {

    private static final OpenApiContract SPEC = OpenApiContract.load();
    private static final String PAYMENT = "/uapi/acquiring/v1.0/payments/3f1c2b7e-0000-4000-8000-000000000001";

    /** A payment-info body with every field the spec requires, each pair of arguments replacing a piece of it. */
    private static String payment(String... replacements) {
        String body = """
                {"Data": {"Operation": [{
                  "customerCode": "300000092", "createdAt": "2025-01-01T10:00:00+03:00", "amount": 1234.5,
                  "status": "APPROVED", "operationId": "3f1c2b7e-0000-4000-8000-000000000001",
                  "paymentLink": "https://merch.tochka.com/order/?uuid=3f1c2b7e", "Order": []}]},
                 "Links": {"self": "http://localhost:8080/uapi/acquiring/v1.0/payments/x"},
                 "Meta": {"totalPages": 1}}
                """;
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(body)
                    .as("a replacement that misses would test the valid body")
                    .contains(replacements[i]);
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        return body;
    }

    /** {@code violation} names the offending member, as the body alone would not. */
    private static void assertPaymentRejected(String violation, String... replacements) {
        String body = payment(replacements);
        assertThatThrownBy(() -> SPEC.validate("GET", PAYMENT, 200, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET " + PAYMENT)
                .hasMessageContaining("200")
                .hasMessageContaining(violation)
                .hasMessageContaining(body);
    }

    @Test
    void accepts_a_valid_payment() {
        assertThatCode(() -> SPEC.validate("GET", PAYMENT + "?x=1", 200, payment()))
                .doesNotThrowAnyException();
    }

    @Test
    void rejects_a_status_outside_the_enum() {
        assertPaymentRejected("/Data/Operation/0/status", "\"APPROVED\"", "\"PAID\"");
    }

    @Test
    void rejects_an_amount_sent_as_a_string() {
        assertPaymentRejected("/Data/Operation/0/amount", "1234.5", "\"10\"");
    }

    @Test
    void rejects_an_operation_without_order() {
        assertPaymentRejected("'Order'", ", \"Order\": []", "");
    }

    @Test
    void rejects_a_self_link_that_is_not_a_uri() {
        assertPaymentRejected("/Links/self", "http://localhost:8080/uapi/acquiring/v1.0/payments/x", "not a uri");
    }

    @Test
    void rejects_a_customer_code_of_eight_characters() {
        assertPaymentRejected("/Data/Operation/0/customerCode", "300000092", "30000009");
    }

    @Test
    void accepts_a_validation_error_body() {
        String error = """
                {"code": "400", "id": "x", "message": "m",
                 "Errors": [{"errorCode": "Validation Error", "message": "m", "url": "https://developers.tochka.com/"}]}
                """;

        assertThatCode(() -> SPEC.validate("POST", "/uapi/acquiring/v1.0/payments", 400, error))
                .doesNotThrowAnyException();
    }

    @Test
    void rejects_an_error_body_without_errors() {
        assertThatThrownBy(() -> SPEC.validate(
                        "POST",
                        "/uapi/acquiring/v1.0/payments",
                        400,
                        "{\"code\": \"400\", \"id\": \"x\", \"message\": \"m\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /uapi/acquiring/v1.0/payments")
                .hasMessageContaining("'Errors'");
    }

    @Test
    void covers_the_banks_operations_under_every_mount() {
        assertThat(SPEC.covers("GET", "/sandbox/v2/open-banking/v1.0/customers"))
                .isTrue();
        assertThat(SPEC.covers("POST", "/uapi/acquiring/v1.0/payments_with_receipt"))
                .isTrue();
        assertThat(SPEC.covers("GET", "/uapi/v1.0/consents"))
                .as("legacy consents alias")
                .isTrue();
        assertThat(SPEC.covers("GET", "/uapi/v1.0/consents/c-1"))
                .as("legacy consents alias")
                .isTrue();
    }

    @Test
    void does_not_cover_our_own_endpoints_or_a_method_the_spec_lacks() {
        assertThat(SPEC.covers("POST", "/control/v1/clock/advance")).isFalse();
        assertThat(SPEC.covers("GET", "/health")).isFalse();
        assertThat(SPEC.covers("DELETE", PAYMENT)).isFalse();
    }

    @Test
    void refuses_a_status_the_spec_does_not_declare() {
        assertThatThrownBy(() -> SPEC.validate("POST", "/uapi/acquiring/v1.0/payments", 201, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("declares no")
                .hasMessageContaining("POST /uapi/acquiring/v1.0/payments")
                .hasMessageContaining("201");
    }

    @Test
    void refuses_a_request_the_spec_does_not_cover() {
        assertThatThrownBy(() -> SPEC.validate("GET", "/health", 200, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /health");
    }
}
