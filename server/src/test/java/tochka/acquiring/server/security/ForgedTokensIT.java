package tochka.acquiring.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.server.keys.SigningKey;
import tochka.acquiring.server.webhooks.WebhookSigner;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * Forged and bent bearer tokens, each refused with the bank's 403 on a method the real key may call: no algorithm,
 * HS256 keyed with the server's public key, expired or not yet valid claims, a revoked key, another issuer or an
 * unknown client_id, another RSA key, padded or standard-alphabet base64, truncated, a webhook JWT presented as a
 * key, claims naming another company. Claims forged with the server's own private key stand for a token that the
 * server signed but must still refuse. Extends {@code AuthIT}, which keeps the cases of the key registry (issued,
 * expired in the database, revoked, wrong scheme).
 */
class ForgedTokensIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final String PROBE = "/acquiring/v1.0/payments?customerCode=" + DemoData.BUSINESS_CODE;

    /** A forgery: what it is, and how to make it from the server and a valid key of the demo company. */
    record Forgery(String name, Function<Forge, String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a forger has: the server (its public key; for signed-claims cases its private key) and a real key. */
    record Forge(TestServer server, IssuedKey key, SigningKey signingKey) {

        JWTClaimsSet.Builder realClaims() {
            try {
                return new JWTClaimsSet.Builder(SignedJWT.parse(key.token()).getJWTClaimsSet());
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        String signed(JWTClaimsSet claims) {
            return signingKey.signApiKey(claims);
        }

        String[] parts() {
            return key.token().split("\\.", -1);
        }
    }

    static Stream<Arguments> refusedToday() {
        return Stream.of(
                forgery("alg none, the real claims", forge -> {
                    String[] parts = forge.parts();
                    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
                }),
                forgery("alg none, signature kept", forge -> {
                    String[] parts = forge.parts();
                    return b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2];
                }),
                forgery("HS256 keyed with the public key's DER", forge -> hs256(forge, publicKeyDer(forge))),
                forgery(
                        "HS256 keyed with the published JWK's text",
                        forge -> hs256(
                                forge,
                                forge.server()
                                        .admin()
                                        .get("/doc/openapi/static/keys/public")
                                        .body()
                                        .getBytes(StandardCharsets.UTF_8))),
                forgery("another RSA key, the real claims and kid", forge -> {
                    RSAKey other = rsa();
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .type(JOSEObjectType.JWT)
                                    .keyID(publicKey(forge).getKeyID())
                                    .build(),
                            forge.realClaims().build());
                    sign(jwt, other);
                    return jwt.serialize();
                }),
                forgery(
                        "unknown client_id (iss), signed by the server",
                        forge -> forge.signed(forge.realClaims()
                                .issuer("0123456789abcdef0123456789abcdef")
                                .build())),
                forgery(
                        "no iss, signed by the server",
                        forge -> forge.signed(forge.realClaims().issuer(null).build())),
                forgery("a revoked key", forge -> {
                    IssuedKey revoked = forge.server()
                            .application()
                            .keys()
                            .issue(
                                    "revoked",
                                    Set.copyOf(Permission.ACQUIRING),
                                    Set.of(DemoData.BUSINESS_CODE),
                                    null,
                                    false);
                    forge.server().application().keys().revoke(revoked.key().clientId());
                    return revoked.token();
                }),
                forgery(
                        "truncated signature",
                        forge -> forge.key()
                                .token()
                                .substring(0, forge.key().token().length() - 4)),
                forgery("empty signature", forge -> forge.parts()[0] + "." + forge.parts()[1] + "."),
                forgery("two segments", forge -> forge.parts()[0] + "." + forge.parts()[1]),
                forgery("four segments", forge -> forge.key().token() + ".x"),
                forgery("payload of another key under this key's signature", forge -> {
                    IssuedKey other = forge.server()
                            .application()
                            .keys()
                            .issue(
                                    "other",
                                    Set.copyOf(Permission.ACQUIRING),
                                    Set.of(DemoData.PERSONAL_CODE),
                                    null,
                                    false);
                    return forge.parts()[0] + "." + other.token().split("\\.", -1)[1] + "." + forge.parts()[2];
                }));
    }

    /** Accepted before issue 8: claims other than those issued, lenient base64, a webhook presented as a key. */
    static Stream<Arguments> refusedSinceIssue8() {
        return Stream.of(
                forgery(
                        "expired (exp an hour ago), signed by the server",
                        forge -> forge.signed(forge.realClaims()
                                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                                .build())),
                forgery(
                        "not yet valid (nbf in a day), signed by the server",
                        forge -> forge.signed(forge.realClaims()
                                .notBeforeTime(Date.from(Instant.now().plusSeconds(86_400)))
                                .build())),
                forgery(
                        "issued in the future (iat in a day), signed by the server",
                        forge -> forge.signed(forge.realClaims()
                                .issueTime(Date.from(Instant.now().plusSeconds(86_400)))
                                .build())),
                forgery("signature padded with =", forge -> forge.key().token() + "="),
                forgery("signature padded with ==", forge -> forge.key().token() + "=="),
                forgery("signature in the standard base64 alphabet", forge -> {
                    String[] parts = forge.parts();
                    String standard = parts[2].replace('-', '+').replace('_', '/');
                    assertThat(standard)
                            .as("the signature has a - or _ to translate")
                            .isNotEqualTo(parts[2]);
                    return parts[0] + "." + parts[1] + "." + standard;
                }),
                forgery("a webhook JWT naming the key's client_id", forge -> {
                    Map<String, Object> claims = new LinkedHashMap<>();
                    claims.put("iss", forge.key().key().clientId());
                    claims.put("webhookType", "acquiringInternetPayment");
                    claims.put("customerCode", DemoData.BUSINESS_CODE);
                    return new WebhookSigner(forge.signingKey()).sign(claims);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"refusedToday", "refusedSinceIssue8"})
    void a_forged_token_is_refused(Forgery forgery) {
        expectRefused(forgery);
    }

    @org.junit.jupiter.api.Test
    void claims_naming_another_company_grant_nothing() {
        Forge forge = forge();
        String token = forge.signed(forge.realClaims()
                .claim("customer_code", DemoData.PERSONAL_CODE)
                .build());
        forge.server()
                .api(token)
                .get("/acquiring/v1.0/payments?customerCode=" + DemoData.PERSONAL_CODE)
                .expectError(403, "not the ones issued");
    }

    private void expectRefused(Forgery forgery) {
        Forge forge = forge();
        forge.server().api(forge.key().token()).get(PROBE).expectStatus(200);
        String token = forgery.token().apply(forge);
        ApiResponse answer = forge.server().api(token).get(PROBE);
        answer.expectError(403);
        assertThat(answer.body()).as("the refusal does not echo the token").doesNotContain(token);
    }

    private static Forge forge() {
        TestServer server = running.get();
        IssuedKey key = server.application()
                .keys()
                .issue("forge", Set.copyOf(Permission.ACQUIRING), Set.of(DemoData.BUSINESS_CODE), null, false);
        return new Forge(
                server,
                key,
                SigningKey.loadOrCreate(server.application().database().transactions(), Instant.now()));
    }

    private static Arguments forgery(String name, Function<Forge, String> token) {
        return Arguments.of(new Forgery(name, token));
    }

    private static RSAKey publicKey(Forge forge) {
        try {
            return RSAKey.parse(forge.server()
                    .admin()
                    .get("/.well-known/jwks.json")
                    .json()
                    .get("keys")
                    .get(0)
                    .toString());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] publicKeyDer(Forge forge) {
        try {
            return publicKey(forge).toRSAPublicKey().getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(Forge forge, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    forge.realClaims().build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sign(SignedJWT jwt, RSAKey key) {
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
