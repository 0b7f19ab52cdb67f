package tochka.acquiring.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signing key built from a key alone ({@link SigningKey#of}): no database, no server. */
class SigningKeyTest {

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder()
            .issuer("tochka-acquiring")
            .subject("client-1")
            .claim("permissions", List.of("MakeAcquiringOperation"))
            .build();

    private final SigningKey signingKey = SigningKey.of(KEY);

    @Test
    void a_token_it_signs_verifies() throws Exception {
        SignedJWT token = SignedJWT.parse(signingKey.signApiKey(CLAIMS));

        assertThat(signingKey.verifyApiKey(token)).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("client-1");
        assertThat(token.getHeader().getKeyID()).isEqualTo(signingKey.apiKeyId());
    }

    @Test
    void the_same_key_signs_the_same_token_on_every_build() {
        assertThat(SigningKey.of(KEY).signApiKey(CLAIMS)).isEqualTo(signingKey.signApiKey(CLAIMS));
        assertThat(SigningKey.of(KEY).jwks()).isEqualTo(signingKey.jwks());
    }

    @Test
    void a_token_with_one_claim_changed_is_refused() throws Exception {
        String[] parts = signingKey.signApiKey(CLAIMS).split("\\.", -1);
        JWTClaimsSet changed =
                new JWTClaimsSet.Builder(CLAIMS).subject("client-2").build();
        String tampered = parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];

        SignedJWT parsed = SignedJWT.parse(tampered);
        assertThat(parsed.getJWTClaimsSet().getSubject())
                .as("it parses; only the signature is wrong")
                .isEqualTo("client-2");
        assertThat(signingKey.verifyApiKey(parsed)).isFalse();
    }

    @Test
    void a_token_signed_by_another_key_under_this_keys_header_is_refused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(signingKey.signApiKey(CLAIMS));
        SignedJWT forged = new SignedJWT(genuine.getHeader(), CLAIMS);
        forged.sign(new RSASSASigner(OTHER_KEY));

        assertThat(signingKey.verifyApiKey(SignedJWT.parse(forged.serialize()))).isFalse();
        assertThat(SigningKey.of(OTHER_KEY).verifyApiKey(SignedJWT.parse(forged.serialize())))
                .as("the other key does not take it either: its kid is not that key's")
                .isFalse();
    }

    @Test
    void a_webhook_signed_by_the_same_key_is_no_api_key() throws Exception {
        String webhook = signingKey.signPayload(CLAIMS.toString());

        assertThat(signingKey.verifyApiKey(SignedJWT.parse(webhook))).isFalse();
    }

    @Test
    void a_public_key_alone_cannot_sign() {
        assertThatThrownBy(() -> SigningKey.of(KEY.toPublicJWK()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private");
    }

    /** 2048 bits keeps the test quick; {@link SigningKey#of} takes any RSA key pair. */
    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
