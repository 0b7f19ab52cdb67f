package tochka.acquiring.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bank's webhook bytes: Python's {@code json.dumps} with its defaults. */
class WebhookClaimsTest {

    @Test
    void writes_python_separators_lower_case_escapes_and_leaves_absent_claims_out() {
        var claims = new AcquiringInternetPaymentEvent(
                "300123123",
                "0.33",
                "card",
                "op-1",
                null,
                "Оплата \"№1\"\n\u000b\u007f",
                null,
                null,
                "acquiringInternetPayment",
                "200000000001234",
                null,
                "APPROVED",
                "12345-ab-cd");

        assertThat(WebhookClaims.write(claims))
                .isEqualTo("{\"customerCode\": \"300123123\", \"amount\": \"0.33\", \"paymentType\": \"card\", "
                        + "\"operationId\": \"op-1\", "
                        + "\"purpose\": \"\\u041e\\u043f\\u043b\\u0430\\u0442\\u0430 \\\"\\u21161\\\"\\n\\u000b\u007f\", "
                        + "\"webhookType\": \"acquiringInternetPayment\", \"merchantId\": \"200000000001234\", "
                        + "\"status\": \"APPROVED\", \"paymentLinkId\": \"12345-ab-cd\"}");
    }
}
