package tochka.acquiring.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tochka.acquiring.client.webhook.TestKeys.decodePart;
import static tochka.acquiring.client.webhook.TestKeys.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentType;

class WebhookSignerTest {

    private static final WebhookSigner SIGNER = WebhookSigner.generate();

    @Test
    void a_signed_event_verifies_into_the_same_event() {
        PaymentEvent event = PaymentEvent.approved("op-1", new BigDecimal("1234.50"));

        WebhookEvent verified = SIGNER.verifier().verify(SIGNER.sign(event));

        assertThat(verified).isEqualTo(event);
        assertThat(((PaymentEvent) verified).amount()).isEqualTo(new BigDecimal("1234.50"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"card", "sbp", "dolyame"})
    void a_signed_event_has_the_banks_bytes(String example) {
        String banks = example("acquiringInternetPayment-" + example);
        PaymentEvent event = (PaymentEvent)
                WebhookVerifier.forKey(WebhookVerifier.bankKeyJwk()).verify(banks);

        String ours = SIGNER.sign(event);

        assertThat(decodePart(ours, 0)).isEqualTo(decodePart(banks, 0));
        assertThat(decodePart(ours, 1)).isEqualTo(decodePart(banks, 1));
    }

    @Test
    void every_claim_of_a_signed_event_is_a_string() throws Exception {
        PaymentEvent event = PaymentEvent.builder()
                .amount(new BigDecimal("7"))
                .paymentType(PaymentType.SBP)
                .transactionId("t-1")
                .qrcId("AS1")
                .payerName("Иван \"Ваня\" И.\n")
                .paymentLinkId("order-42")
                .build();

        JsonNode claims = new ObjectMapper().readTree(decodePart(SIGNER.sign(event), 1));

        List<String> names = new ArrayList<>();
        claims.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "customerCode",
                        "amount",
                        "paymentType",
                        "operationId",
                        "transactionId",
                        "purpose",
                        "qrcId",
                        "payerName",
                        "webhookType",
                        "merchantId",
                        "status",
                        "paymentLinkId");
        claims.forEach(value -> assertThat(value.isTextual()).isTrue());
        assertThat(claims.get("amount").textValue()).isEqualTo("7");
        assertThat(claims.get("payerName").textValue()).isEqualTo("Иван \"Ваня\" И.\n");
        assertThat(decodePart(SIGNER.sign(event), 1))
                .isEqualTo(event.claimsJson())
                .matches("\\p{ASCII}*");
    }

    @Test
    void a_built_event_is_an_approved_card_payment_unless_told_otherwise() {
        PaymentEvent event =
                PaymentEvent.builder().amount(new BigDecimal("0.33")).build();

        assertThat(event.paymentType()).isEqualTo(PaymentType.CARD);
        assertThat(event.status()).isEqualTo(AcquiringPaymentStatus.APPROVED);
        assertThat(event.customerCode()).isEqualTo("300123123");
        assertThat(event.merchantId()).isEqualTo("200000000001234");
        assertThat(event.operationId()).isNotBlank();
        assertThat(event.paymentLinkId()).isNull();
    }

    @Test
    void an_authorized_event_is_authorized_not_approved() {
        PaymentEvent event = PaymentEvent.authorized("op-2", BigDecimal.TEN);

        PaymentEvent verified = (PaymentEvent) SIGNER.verifier().verify(SIGNER.sign(event));

        assertThat(verified.isAuthorized()).isTrue();
        assertThat(verified.isApproved()).isFalse();
        assertThat(verified.statusValue()).isEqualTo("AUTHORIZED");
    }

    @Test
    void unknown_values_can_be_built_to_test_a_handlers_fallback() {
        PaymentEvent event = PaymentEvent.builder()
                .amount(BigDecimal.ONE)
                .paymentTypeValue("crypto")
                .statusValue("PENDING")
                .build();

        PaymentEvent verified = (PaymentEvent) SIGNER.verifier().verify(SIGNER.sign(event));

        assertThat(verified.paymentType()).isNull();
        assertThat(verified.status()).isNull();
        assertThat(verified.paymentTypeValue()).isEqualTo("crypto");
    }

    @Test
    void a_builder_refuses_a_missing_or_negative_amount_and_writes_no_exponent() {
        assertThatThrownBy(() -> PaymentEvent.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> PaymentEvent.builder().amount(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");

        PaymentEvent event =
                PaymentEvent.builder().amount(new BigDecimal("1E+2")).build();

        assertThat(event.claimsJson()).contains("\"amount\": \"100\"");
    }

    @Test
    void signs_any_payload_as_given() {
        String body = SIGNER.sign("{\"webhookType\": \"incomingPayment\", \"x\": 1}");

        assertThat(decodePart(body, 0)).isEqualTo("{\"typ\":\"JWT\",\"alg\":\"RS256\"}");
        assertThat(SIGNER.verifier().verify(body))
                .isEqualTo(new OtherEvent("incomingPayment", "{\"webhookType\": \"incomingPayment\", \"x\": 1}"));
    }

    @Test
    void the_public_key_is_a_bare_jwk_any_verifier_can_trust() throws Exception {
        JsonNode jwk = new ObjectMapper().readTree(SIGNER.publicJwk());

        assertThat(jwk.get("kty").textValue()).isEqualTo("RSA");
        assertThat(jwk.get("e").textValue()).isEqualTo("AQAB");
        assertThat(jwk.has("keys")).isFalse();
        String body = SIGNER.sign(PaymentEvent.approved("op-3", BigDecimal.ONE));
        assertThat(WebhookVerifier.forKey(SIGNER.publicJwk()).verify(body)).isInstanceOf(PaymentEvent.class);
    }

    @Test
    void another_signers_verifier_does_not_trust_this_one() {
        String body = SIGNER.sign(PaymentEvent.approved("op-4", BigDecimal.ONE));

        assertThatThrownBy(() -> WebhookSigner.generate().verifier().verify(body))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
