package tochka.acquiring.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tochka.acquiring.client.webhook.TestKeys.b64;
import static tochka.acquiring.client.webhook.TestKeys.decodePart;
import static tochka.acquiring.client.webhook.TestKeys.example;
import static tochka.acquiring.client.webhook.TestKeys.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.client.webhook.WebhookVerificationException.Reason;

class WebhookVerifierTest {

    private static final String PURPOSE = "Оплата по счету № 1 от 01.01.2021. Без НДС";
    private static final String OPERATION_ID = "beeac8a4-6047-3f38-8922-a664e6b5c43b";

    /** The production setup with a key URL nobody answers at: any fetch would fail the test. */
    private static final WebhookVerifier OFFLINE_BANK = WebhookVerifier.builder()
            .keyUrl(closedLoopbackUrl())
            .initialKey(WebhookVerifier.bankKeyJwk())
            .build();

    private static final WebhookSigner OTHER_SIGNER = WebhookSigner.generate();

    @Test
    void the_banks_card_example_verifies_with_the_shipped_key_into_its_exact_claims() {
        String body = example("acquiringInternetPayment-card");

        PaymentEvent event = (PaymentEvent) OFFLINE_BANK.verify(body);

        assertThat(event.webhookType()).isEqualTo("acquiringInternetPayment");
        assertThat(event.customerCode()).isEqualTo("300123123");
        assertThat(event.amount()).isEqualTo(new BigDecimal("0.33"));
        assertThat(event.paymentType()).isEqualTo(PaymentType.CARD);
        assertThat(event.paymentTypeValue()).isEqualTo("card");
        assertThat(event.operationId()).isEqualTo(OPERATION_ID);
        assertThat(event.purpose()).isEqualTo(PURPOSE);
        assertThat(event.status()).isEqualTo(AcquiringPaymentStatus.APPROVED);
        assertThat(event.isApproved()).isTrue();
        assertThat(event.isAuthorized()).isFalse();
        assertThat(event.merchantId()).isEqualTo("200000000001234");
        assertThat(event.consumerId()).isEqualTo("917ed389-a120-4291-8e73-38c6ef7d6770");
        assertThat(event.paymentLinkId()).isEqualTo("12345-ab-cd");
        assertThat(event.transactionId()).isNull();
        assertThat(event.qrcId()).isNull();
        assertThat(event.payerName()).isNull();
        assertThat(event.claimsJson()).isEqualTo(decodePart(body, 1));
    }

    @Test
    void the_banks_sbp_example_carries_its_transaction_qr_code_and_payer() {
        PaymentEvent event = (PaymentEvent) OFFLINE_BANK.verify(example("acquiringInternetPayment-sbp"));

        assertThat(event.paymentType()).isEqualTo(PaymentType.SBP);
        assertThat(event.transactionId()).isEqualTo("43c63ec1-42fa-a704-dde7-6025c20b96ce");
        assertThat(event.qrcId()).isEqualTo("AS10006DPRTEFPFS9HJ9SQSDSVRHJD3L");
        assertThat(event.payerName()).isEqualTo("Иван Иванович И.");
        assertThat(event.consumerId()).isNull();
        assertThat(event.amount()).isEqualTo(new BigDecimal("0.33"));
    }

    @Test
    void the_banks_dolyame_example_has_no_consumer() {
        PaymentEvent event = (PaymentEvent) OFFLINE_BANK.verify(example("acquiringInternetPayment-dolyame"));

        assertThat(event.paymentType()).isEqualTo(PaymentType.DOLYAME);
        assertThat(event.consumerId()).isNull();
        assertThat(event.operationId()).isEqualTo(OPERATION_ID);
    }

    @Test
    void the_banks_incoming_sbp_payment_example_becomes_an_sbp_payment_event() {
        SbpPaymentEvent event = (SbpPaymentEvent) OFFLINE_BANK.verify(example("incomingSbpPayment"));

        assertThat(event.webhookType()).isEqualTo("incomingSbpPayment");
        assertThat(event.operationId()).isEqualTo("A22001100263820100000533E625FCB3");
        assertThat(event.qrcId()).isEqualTo("AS10006DPRTEFPFS9HJ9SQSDSVRHJD3L");
        assertThat(event.amount()).isEqualTo(new BigDecimal("0.33"));
        assertThat(event.payerMobileNumber()).isEqualTo("+99991234567");
        assertThat(event.payerName()).isEqualTo("Иван Иванович И.");
        assertThat(event.brandName()).isEqualTo("Кофейня у Артема");
        assertThat(event.merchantId()).isEqualTo("MF0000000001");
        assertThat(event.purpose()).isEqualTo(PURPOSE);
        assertThat(event.customerCode()).isEqualTo("300123123");
        assertThat(event.refTransactionId()).isEqualTo("cb1ef10b-39e9-4e55-aef9-d6bcc396ff0f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incomingPayment", "outgoingPayment", "incomingSbpB2BPayment"})
    void the_banks_other_examples_become_other_events_with_their_claims(String type) {
        String body = example(type);

        WebhookEvent event = OFFLINE_BANK.verify(body);

        assertThat(event).isEqualTo(new OtherEvent(type, decodePart(body, 1)));
    }

    @Test
    void the_production_verifier_needs_no_network_for_the_banks_examples() {
        WebhookEvent event = WebhookVerifier.production().verify(example("acquiringInternetPayment-card"));

        assertThat(event).isInstanceOf(PaymentEvent.class);
    }

    @Test
    void the_shipped_key_is_the_one_in_the_reference_folder() throws IOException {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.readTree(WebhookVerifier.bankKeyJwk()))
                .isEqualTo(json.readTree(TestKeys.resource("reference/tochka-public-key.jwk.json")));
    }

    @Test
    void whitespace_around_the_body_is_ignored() {
        String body = example("acquiringInternetPayment-card").strip();

        assertThat(OFFLINE_BANK.verify("\r\n " + body + " \n")).isEqualTo(OFFLINE_BANK.verify(body));
    }

    @Test
    void rejects_a_blank_body() {
        assertRejected("", Reason.MALFORMED_TOKEN).hasMessageContaining("blank");
        assertRejected(" \n", Reason.MALFORMED_TOKEN).hasMessageContaining("blank");
    }

    @Test
    void rejects_a_body_over_64_kilobytes_before_reading_it() {
        assertRejected("a".repeat(64 * 1024 + 1), Reason.MALFORMED_TOKEN).hasMessageContaining("more than the 65536");
    }

    @Test
    void rejects_a_body_of_two_or_four_parts() {
        String card = example("acquiringInternetPayment-card").strip();

        assertRejected(card.substring(0, card.lastIndexOf('.')), Reason.MALFORMED_TOKEN)
                .hasMessageContaining("2 dot-separated parts");
        assertRejected(card + ".AAAA", Reason.MALFORMED_TOKEN).hasMessageContaining("4 dot-separated parts");
    }

    @Test
    void rejects_parts_that_are_not_strict_base64url() {
        String card = example("acquiringInternetPayment-card").strip();
        String[] parts = card.split("\\.", -1);

        assertRejected(parts[0] + "." + parts[1] + "." + parts[2] + "==", Reason.MALFORMED_TOKEN)
                .hasMessageContaining("signature is not base64url");
        assertRejected(parts[0] + "." + "+" + parts[1].substring(1) + "." + parts[2], Reason.MALFORMED_TOKEN)
                .hasMessageContaining("payload is not base64url");
        assertRejected("A." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN)
                .hasMessageContaining("header is not valid base64url");
        assertRejected(parts[0] + ".." + parts[2], Reason.MALFORMED_TOKEN)
                .hasMessageContaining("payload is not base64url");
    }

    @Test
    void rejects_a_header_that_is_not_a_json_object() {
        assertRejected(b64("not json") + ".e30.AAAA", Reason.MALFORMED_TOKEN)
                .hasMessageContaining("header is not a JSON object");
        assertRejected(b64("[\"RS256\"]") + ".e30.AAAA", Reason.MALFORMED_TOKEN)
                .hasMessageContaining("header is not a JSON object");
    }

    @Test
    void rejects_a_header_naming_alg_twice() {
        String header = "{\"alg\":\"RS256\",\"alg\":\"none\"}";

        assertRejected(b64(header) + ".e30.AAAA", Reason.MALFORMED_TOKEN)
                .hasMessageContaining("header is not a JSON object");
    }

    @Test
    void rejects_alg_none_even_without_a_signature() {
        String card = example("acquiringInternetPayment-card").strip();
        String payload = card.split("\\.", -1)[1];

        assertRejected(b64("{\"typ\":\"JWT\",\"alg\":\"none\"}") + "." + payload + ".", Reason.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("alg is \"none\"")
                .hasMessageContaining("only RS256");
    }

    @Test
    void rejects_an_hmac_token_keyed_with_the_public_key_the_algorithm_confusion_attack() throws Exception {
        String payload = decodePart(example("acquiringInternetPayment-card"), 1);
        String header = "{\"typ\":\"JWT\",\"alg\":\"HS256\"}";
        String input = b64(header) + "." + b64(payload);
        for (byte[] secret : new byte[][] {
            WebhookVerifier.bankKeyJwk().getBytes(StandardCharsets.UTF_8),
            bankKey().getEncoded()
        }) {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String forged = input + "." + b64(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));

            assertRejected(forged, Reason.UNSUPPORTED_ALGORITHM).hasMessageContaining("alg is \"HS256\"");
        }
    }

    @Test
    void rejects_rs512_even_when_signed_by_the_trusted_key() {
        WebhookVerifier verifier = WebhookVerifier.forKey(TestKeys.jwk(TestKeys.RSA_2048));
        String body = token(
                "{\"typ\":\"JWT\",\"alg\":\"RS512\"}",
                OTHER_SIGNER_PAYLOAD,
                TestKeys.RSA_2048.getPrivate(),
                "SHA512withRSA");

        assertThatThrownBy(() -> verifier.verify(body))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM))
                .hasMessageContaining("alg is \"RS512\"");
    }

    @Test
    void rejects_a_header_without_alg_or_with_a_non_text_alg() {
        assertRejected(b64("{\"typ\":\"JWT\"}") + ".e30.AAAA", Reason.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("has no alg");
        assertRejected(b64("{\"alg\":[\"RS256\"]}") + ".e30.AAAA", Reason.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("alg is [\"RS256\"]");
    }

    @Test
    void rejects_crit_extensions_and_a_typ_other_than_jwt() {
        assertRejected(
                        b64("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}") + ".e30.AAAA",
                        Reason.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("crit");
        assertRejected(b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}") + ".e30.AAAA", Reason.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("typ is \"at+jwt\"");
    }

    @Test
    void an_attackers_alg_is_quoted_short_and_printable() {
        String alg = "\u0000evil" + "x".repeat(500);

        assertRejected(
                        b64("{\"alg\":\"" + alg.replace("\u0000", "\\u0000") + "\"}") + ".e30.AAAA",
                        Reason.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("\"?evil")
                .hasMessageNotContaining("x".repeat(100));
    }

    @Test
    void rejects_a_tampered_payload() {
        String[] parts = example("acquiringInternetPayment-card").strip().split("\\.", -1);
        String tampered = decodePart(parts[0] + "." + parts[1], 1).replace("\"0.33\"", "\"3300.33\"");

        assertRejected(parts[0] + "." + b64(tampered) + "." + parts[2], Reason.BAD_SIGNATURE)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void rejects_a_tampered_signature() {
        String card = example("acquiringInternetPayment-card").strip();
        int at = card.length() - 10;
        char flipped = card.charAt(at) == 'A' ? 'B' : 'A';

        assertRejected(card.substring(0, at) + flipped + card.substring(at + 1), Reason.BAD_SIGNATURE);
        assertRejected(card.substring(0, card.lastIndexOf('.') + 1) + "AAAA", Reason.BAD_SIGNATURE);
    }

    @Test
    void rejects_a_token_signed_with_another_key() {
        String body = OTHER_SIGNER.sign(PaymentEvent.approved(OPERATION_ID, new BigDecimal("0.33")));

        assertRejected(body, Reason.BAD_SIGNATURE).hasMessageContaining("signature does not verify");
        assertThatThrownBy(() ->
                        WebhookVerifier.forKey(WebhookVerifier.bankKeyJwk()).verify(body))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("the configured key");
    }

    @Test
    void never_echoes_the_token_in_a_message() {
        String card = example("acquiringInternetPayment-card").strip();
        String[] parts = card.split("\\.", -1);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(4);

        assertThatThrownBy(() -> OFFLINE_BANK.verify(tampered))
                .hasMessageNotContaining(parts[1].substring(0, 20))
                .hasMessageNotContaining(parts[2].substring(4, 24));
    }

    @Test
    void refuses_rsa_keys_under_2048_bits() {
        String weak = TestKeys.jwk(TestKeys.RSA_1024);

        assertThatThrownBy(() -> WebhookVerifier.forKey(weak))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024 bits")
                .hasMessageContaining("at least 2048");
    }

    @Test
    void refuses_a_key_that_is_not_an_rsa_jwk() {
        assertThatThrownBy(() -> WebhookVerifier.forKey("{\"kty\":\"EC\",\"crv\":\"P-256\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kty is \"EC\"");
        assertThatThrownBy(() -> WebhookVerifier.forKey("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> WebhookVerifier.forKey("{\"keys\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no RSA signing key");
    }

    @Test
    void rejects_claims_that_are_not_a_json_object() {
        WebhookVerifier verifier = OTHER_SIGNER.verifier();

        for (String claims : new String[] {"[1, 2]", "\"text\"", "not json", "{\"webhookType\": \"x\"} {}"}) {
            assertThatThrownBy(() -> verifier.verify(OTHER_SIGNER.sign(claims)))
                    .isInstanceOfSatisfying(
                            WebhookVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CLAIMS))
                    .hasMessageContaining("claims are not a JSON object");
        }
    }

    @Test
    void names_a_missing_claim() {
        String claims = paymentClaims().replace("\"operationId\": \"op-1\", ", "");

        assertClaimsRejected(claims).hasMessage("the acquiringInternetPayment webhook has no operationId claim");
        assertClaimsRejected("{\"amount\": \"1\"}").hasMessage("the webhook has no webhookType claim");
        assertClaimsRejected(paymentClaims().replace("\"op-1\"", "{}"))
                .hasMessageContaining("operationId claim that is not a string");
    }

    @Test
    void rejects_amounts_that_are_not_plain_decimals() {
        assertClaimsRejected(paymentClaims().replace("\"10.50\"", "\"abc\""))
                .hasMessageContaining("amount claim that is \"abc\", not a plain decimal");
        assertClaimsRejected(paymentClaims().replace("\"10.50\"", "\"1e999999\""))
                .hasMessageContaining("amount claim that is \"1e999999\"");
        assertClaimsRejected(paymentClaims().replace("\"10.50\"", "\"-1\"")).hasMessageContaining("amount claim");
        assertClaimsRejected(paymentClaims().replace("\"10.50\"", "\"" + "1".repeat(41) + "\""))
                .hasMessageContaining("amount claim that has 41 characters, more than 40");
        assertClaimsRejected(paymentClaims().replace("\"10.50\"", "1e999999")).hasMessageContaining("amount");
        assertClaimsRejected(paymentClaims().replace("\"10.50\"", "1E+3")).hasMessageContaining("exponent");
    }

    @Test
    void takes_an_amount_sent_as_a_json_number_exactly() {
        PaymentEvent event = (PaymentEvent)
                OTHER_SIGNER.verifier().verify(OTHER_SIGNER.sign(paymentClaims().replace("\"10.50\"", "10.50")));

        assertThat(event.amount()).isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void unknown_claims_and_values_do_not_break_parsing() {
        String claims = paymentClaims()
                .replace("\"card\"", "\"crypto\"")
                .replace("\"APPROVED\"", "\"PENDING\"")
                .replace("{", "{\"somethingNew\": {\"nested\": [1, 2.5]}, ");

        PaymentEvent event = (PaymentEvent) OTHER_SIGNER.verifier().verify(OTHER_SIGNER.sign(claims));

        assertThat(event.paymentType()).isNull();
        assertThat(event.paymentTypeValue()).isEqualTo("crypto");
        assertThat(event.status()).isNull();
        assertThat(event.statusValue()).isEqualTo("PENDING");
        assertThat(event.isApproved()).isFalse();
        assertThat(event.claimsJson()).isEqualTo(claims);
    }

    @Test
    void an_unknown_webhook_type_is_an_other_event() {
        WebhookEvent event = OTHER_SIGNER.verifier().verify(OTHER_SIGNER.sign("{\"webhookType\": \"newKind\"}"));

        assertThat(event).isEqualTo(new OtherEvent("newKind", "{\"webhookType\": \"newKind\"}"));
    }

    private static final String OTHER_SIGNER_PAYLOAD = "{\"webhookType\": \"incomingPayment\"}";

    private static String paymentClaims() {
        return "{\"customerCode\": \"300123123\", \"amount\": \"10.50\", \"paymentType\": \"card\", "
                + "\"operationId\": \"op-1\", \"purpose\": \"p\", \"webhookType\": \"acquiringInternetPayment\", "
                + "\"merchantId\": \"200000000001234\", \"status\": \"APPROVED\"}";
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertClaimsRejected(String claims) {
        return assertThatThrownBy(() -> OTHER_SIGNER.verifier().verify(OTHER_SIGNER.sign(claims)))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CLAIMS));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String body, Reason reason) {
        return assertThatThrownBy(() -> OFFLINE_BANK.verify(body))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static RSAPublicKey bankKey() {
        return RsaKeys.parse(WebhookVerifier.bankKeyJwk()).get(0);
    }

    private static URI closedLoopbackUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/doc/openapi/static/keys/public");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
