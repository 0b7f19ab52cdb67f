package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tochka.acquiring.api.AcquiringInternetPaymentEvent;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.keys.SigningKey;
import tochka.acquiring.server.testing.Reference;

/**
 * The bank's own example webhooks are the golden vectors: they verify with the bank's single JWK, and the payload
 * our signer writes for the same claims is the bank's payload byte for byte. An IT, not a unit test: the signer's key
 * is made and kept by a (temporary SQLite) database.
 */
class BankWebhookExamplesIT {

    private static String example(String name) {
        return Reference.text("webhook-examples/" + name).trim();
    }

    @Test
    void every_bank_example_verifies_with_the_banks_single_jwk() throws Exception {
        RSAKey bankKey = RSAKey.parse(Reference.text("tochka-public-key.jwk.json"));
        for (String name : List.of(
                "acquiringInternetPayment-card.jwt",
                "acquiringInternetPayment-sbp.jwt",
                "acquiringInternetPayment-dolyame.jwt",
                "incomingSbpPayment.jwt")) {
            SignedJWT token = SignedJWT.parse(example(name));

            assertThat(token.verify(new RSASSAVerifier(bankKey.toRSAPublicKey())))
                    .as(name)
                    .isTrue();
            assertThat(token.getHeader().toBase64URL().toString())
                    .as("header {\"typ\":\"JWT\",\"alg\":\"RS256\"}")
                    .isEqualTo("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9");
        }
    }

    @Test
    void our_payload_for_the_card_example_is_the_banks_byte_for_byte(@TempDir java.nio.file.Path data)
            throws Exception {
        String bank = example("acquiringInternetPayment-card.jwt");
        var claims = new AcquiringInternetPaymentEvent(
                "300123123",
                "0.33",
                "card",
                "beeac8a4-6047-3f38-8922-a664e6b5c43b",
                null,
                "Оплата по счету № 1 от 01.01.2021. Без НДС",
                null,
                null,
                "acquiringInternetPayment",
                "200000000001234",
                "917ed389-a120-4291-8e73-38c6ef7d6770",
                "APPROVED",
                "12345-ab-cd");

        try (Database database = Database.sqlite(data)) {
            var jdbi = database.transactions();
            String ours = new WebhookSigner(SigningKey.loadOrCreate(jdbi, Instant.now())).sign(claims);

            assertThat(ours.split("\\.", -1)[0]).isEqualTo(bank.split("\\.", -1)[0]);
            assertThat(ours.split("\\.", -1)[1]).isEqualTo(bank.split("\\.", -1)[1]);
            assertThat(ours.split("\\.", -1)[2])
                    .as("a 3072-bit RSA signature, as the bank's")
                    .hasSize(512);
        }
    }

    @Test
    void the_sbp_example_has_the_sbp_field_set_in_the_banks_order() throws Exception {
        String bank = example("acquiringInternetPayment-sbp.jwt");
        var claims = new AcquiringInternetPaymentEvent(
                "300123123",
                "0.33",
                "sbp",
                "beeac8a4-6047-3f38-8922-a664e6b5c43b",
                "43c63ec1-42fa-a704-dde7-6025c20b96ce",
                "Оплата по счету № 1 от 01.01.2021. Без НДС",
                "AS10006DPRTEFPFS9HJ9SQSDSVRHJD3L",
                "Иван Иванович И.",
                "acquiringInternetPayment",
                "200000000001234",
                null,
                "APPROVED",
                "12345-ab-cd");

        assertThat(SignedJWT.parse(bank).getPayload().toString())
                .isEqualTo(new String(
                        java.util.Base64.getUrlDecoder().decode(payloadOf(claims)),
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String payloadOf(Object claims) throws Exception {
        try (Database database = Database.sqlite(Files.createTempDirectory("signer"))) {
            return new WebhookSigner(SigningKey.loadOrCreate(database.transactions(), Instant.now()))
                    .sign(claims)
                    .split("\\.", -1)[1];
        }
    }
}
