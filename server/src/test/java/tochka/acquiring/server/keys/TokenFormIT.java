package tochka.acquiring.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.webhooks.WebhookSigner;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * A JWT key is accepted only in the exact form it was issued in: strict base64url, three parts, its own header. A
 * webhook, signed by the same server key, never passes for a key, and a key never for a webhook.
 */
class TokenFormIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    private static final String PATH = "/open-banking/v1.0/customers";

    private void refused(String token) {
        server.api(token).get(PATH).expectError(403);
    }

    private String[] demoParts() {
        return server.info().demoToken().split("\\.", -1);
    }

    @Test
    void the_demo_token_as_issued_is_accepted() {
        server.api().get(PATH).expectStatus(200);
    }

    @Test
    void a_key_carries_its_own_type_and_key_id() throws Exception {
        JWSHeader header = SignedJWT.parse(server.info().demoToken()).getHeader();
        RSAKey published = (RSAKey)
                JWK.parse(server.admin().get("/doc/openapi/static/keys/public").body());

        assertThat(header.getType()).isEqualTo(new JOSEObjectType(SigningKey.API_KEY_TYPE));
        assertThat(header.getKeyID()).isEqualTo(published.computeThumbprint() + SigningKey.API_KEY_KID_SUFFIX);
        assertThat(header.toJSONObject()).containsOnlyKeys("alg", "typ", "kid");
    }

    @Test
    void padding_is_refused_in_any_part() {
        String[] parts = demoParts();
        refused(parts[0] + "=." + parts[1] + "." + parts[2]);
        refused(parts[0] + "." + parts[1] + "==." + parts[2]);
        refused(parts[0] + "." + parts[1] + "." + parts[2] + "=");
        // The same signature bytes, written with the padding a lenient decoder accepts.
        String signature =
                Base64.getEncoder().encodeToString(Base64URL.from(parts[2]).decode());
        refused(parts[0] + "." + parts[1] + "." + signature.replace('+', '-').replace('/', '_') + "==");
    }

    @Test
    void the_standard_alphabet_is_refused() {
        String[] parts = demoParts();
        String standard = Base64.getEncoder()
                .withoutPadding()
                .encodeToString(Base64URL.from(parts[2]).decode());
        // Meaningful only when the signature has a character the two alphabets write differently; a 512-character
        // signature without any of the 2 in 64 such characters has odds of about 1e-15.
        assertThat(standard).containsAnyOf("+", "/");
        refused(parts[0] + "." + parts[1] + "." + standard);
    }

    @Test
    void anything_but_three_non_empty_parts_is_refused() {
        String[] parts = demoParts();
        refused(parts[0] + "." + parts[1]);
        refused(parts[0] + "." + parts[1] + "." + parts[2] + ".");
        refused(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2]);
        refused(parts[0] + ".." + parts[2]);
        refused(parts[0] + "." + parts[1] + ".");
        refused(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "%");
    }

    @Test
    void alg_none_is_refused() {
        String[] parts = demoParts();
        String none = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        refused(none + "." + parts[1] + ".");
        refused(none + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void hs256_keyed_with_the_public_key_is_refused() throws Exception {
        String publicJwk = server.admin().get("/doc/openapi/static/keys/public").body();
        RSAKey published = (RSAKey) JWK.parse(publicJwk);
        JWTClaimsSet claims = SignedJWT.parse(server.info().demoToken()).getJWTClaimsSet();
        for (byte[] secret : new byte[][] {
            publicJwk.getBytes(StandardCharsets.UTF_8),
            published.toRSAPublicKey().getEncoded(),
            published.getModulus().decode()
        }) {
            for (JWSHeader header : new JWSHeader[] {
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(new JOSEObjectType(SigningKey.API_KEY_TYPE))
                        .keyID(published.computeThumbprint() + SigningKey.API_KEY_KID_SUFFIX)
                        .build(),
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build()
            }) {
                SignedJWT forged = new SignedJWT(header, claims);
                forged.sign(new MACSigner(secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32)));
                refused(forged.serialize());
            }
        }
    }

    @Test
    void a_webhook_presented_as_a_key_is_refused() {
        // The same server key signs webhooks; one whose claims name the demo key's client_id is the best an attacker
        // who receives webhooks could hope to replay.
        String webhook = new WebhookSigner(signingKey())
                .sign(Map.of(
                        "iss",
                        server.info().clientId(),
                        "customer_code",
                        server.info().customerCode(),
                        "operationId",
                        "x"));
        assertThat(webhook.split("\\.")[0])
                .isEqualTo(
                        Base64URL.encode("{\"typ\":\"JWT\",\"alg\":\"RS256\"}").toString());

        refused(webhook);
    }

    @Test
    void a_key_does_not_pass_a_webhook_verifier_that_checks_the_banks_header() throws Exception {
        SignedJWT key = SignedJWT.parse(server.info().demoToken());
        RSAKey published = (RSAKey)
                JWK.parse(server.admin().get("/doc/openapi/static/keys/public").body());

        assertThat(key.verify(new RSASSAVerifier(published.toRSAPublicKey())))
                .as("the same signing key")
                .isTrue();
        String bankHeader = new String(
                Base64URL.from(server.info().demoToken().split("\\.")[0]).decode(), StandardCharsets.UTF_8);
        assertThat(bankHeader).isNotEqualTo("{\"typ\":\"JWT\",\"alg\":\"RS256\"}");
    }

    private SigningKey signingKey() {
        return SigningKey.loadOrCreate(server.application().database().transactions(), java.time.Instant.now());
    }
}
