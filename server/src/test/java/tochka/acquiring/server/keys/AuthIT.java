package tochka.acquiring.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.server.testing.RawHttp;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/** Who may call what: signatures, expiry, revocation, permissions, company ownership, sandbox and control tokens. */
class AuthIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();
    private final String code = server.info().customerCode();

    private static final String CREATE_BODY =
            "{\"Data\": {\"customerCode\": \"%s\", \"amount\": 1, \"purpose\": \"p\", \"paymentMode\": [\"card\"]}}";

    private IssuedKey issue(Set<Permission> permissions, Set<String> companies, @Nullable Instant expiresAt) {
        return server.application().keys().issue("test", permissions, companies, expiresAt, false);
    }

    @Test
    void the_demo_key_verifies_against_the_published_jwk_and_jwks() throws Exception {
        SignedJWT token = SignedJWT.parse(server.info().demoToken());
        JsonNode single = server.admin()
                .get("/doc/openapi/static/keys/public")
                .expectStatus(200)
                .json();
        JsonNode set =
                server.admin().get("/.well-known/jwks.json").expectStatus(200).json();

        assertThat(single.has("d")).as("no private part is published").isFalse();
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.verify(new RSASSAVerifier(((RSAKey) JWK.parse(single.toString())).toRSAPublicKey())))
                .isTrue();
        RSAKey fromSet = (RSAKey) JWKSet.parse(set.toString()).getKeys().get(0);
        assertThat(fromSet.isPrivate()).isFalse();
        assertThat(token.verify(new RSASSAVerifier(fromSet.toRSAPublicKey()))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(server.info().clientId());
    }

    @Test
    void a_token_signed_by_another_key_is_refused() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(server.info().clientId())
                        .claim("customer_code", code)
                        .build());
        forged.sign(new RSASSASigner(forger));

        server.api(forged.serialize()).get("/open-banking/v1.0/customers").expectError(403, "signature");
    }

    @Test
    void a_tampered_token_is_refused() {
        String[] parts = server.info().demoToken().split("\\.", -1);
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        server.api(tampered).get("/open-banking/v1.0/customers").expectStatus(403);
    }

    @Test
    void a_token_with_the_real_header_and_claims_signed_by_another_key_is_refused_at_the_signature() throws Exception {
        SignedJWT real = SignedJWT.parse(server.info().demoToken());
        assertThat(real.getHeader().getKeyID())
                .as("the real header names the server's key")
                .isNotBlank();
        SignedJWT forged = new SignedJWT(real.getHeader(), real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(3072).generate()));
        String[] forgedParts = forged.serialize().split("\\.", -1);
        String[] realParts = server.info().demoToken().split("\\.", -1);
        assertThat(forgedParts[0]).as("the same header, kid and all").isEqualTo(realParts[0]);
        assertThat(forgedParts[1]).as("the same claims").isEqualTo(realParts[1]);

        server.api(forged.serialize()).get("/open-banking/v1.0/customers").expectError(403, "signature");
        server.api(server.info().demoToken())
                .get("/open-banking/v1.0/customers")
                .expectStatus(200);
    }

    @Test
    void a_valid_token_with_one_claim_changed_and_the_original_signature_is_refused_at_the_signature()
            throws Exception {
        String[] parts = server.info().demoToken().split("\\.", -1);
        Map<String, Object> claims =
                JSONObjectUtils.parse(Base64URL.from(parts[1]).decodeToString());
        assertThat(claims).as("the claim to change").containsEntry("customer_code", code);
        claims.put("customer_code", "300000093");
        String changed = parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(claims)) + "." + parts[2];
        assertThat(SignedJWT.parse(changed).getJWTClaimsSet().getIssuer())
                .as("still a well-formed JWT")
                .isEqualTo(server.info().clientId());

        server.api(changed).get("/open-banking/v1.0/customers").expectError(403, "signature");
    }

    @Test
    void a_token_that_differs_only_in_case_is_refused_on_the_connection_that_sent_the_real_one() {
        String token = server.info().demoToken();
        int at = token.lastIndexOf('.') + 1;
        while (!Character.isLetter(token.charAt(at))) at++;
        char letter = token.charAt(at);
        String flipped = token.substring(0, at)
                + (Character.isUpperCase(letter) ? Character.toLowerCase(letter) : Character.toUpperCase(letter))
                + token.substring(at + 1);

        server.api(token).get("/open-banking/v1.0/customers").expectStatus(200);
        server.api(flipped).get("/open-banking/v1.0/customers").expectError(403, "signature");
        server.api(token).get("/open-banking/v1.0/customers").expectStatus(200);
    }

    @Test
    void missing_and_malformed_authorization_is_refused() {
        ApiClient api = server.api();
        api.withAuthorization(null).get("/open-banking/v1.0/customers").expectError(403, "Authorization");
        api.withAuthorization("Basic abc").get("/open-banking/v1.0/customers").expectError(403, "Bearer");
        api.withAuthorization("Bearer not-a-jwt")
                .get("/open-banking/v1.0/customers")
                .expectError(403, "not a JWT");
    }

    @Test
    void an_expired_key_is_refused() {
        IssuedKey key = issue(
                Set.copyOf(Permission.ACQUIRING), Set.of(code), Instant.now().plus(Duration.ofHours(1)));
        server.api(key.token()).get("/open-banking/v1.0/customers").expectStatus(200);

        server.advanceClock(61);

        server.api(key.token()).get("/open-banking/v1.0/customers").expectError(403, "expired");
    }

    @Test
    void a_revoked_key_is_refused_from_the_next_request() {
        IssuedKey key = issue(Set.copyOf(Permission.ACQUIRING), Set.of(code), null);
        server.api(key.token()).get("/open-banking/v1.0/customers").expectStatus(200);

        server.application().keys().revoke(key.key().clientId());

        server.api(key.token()).get("/open-banking/v1.0/customers").expectError(403, "revoked");
    }

    @Test
    void a_key_without_the_methods_permission_is_refused() {
        IssuedKey reader = issue(Set.of(Permission.ReadCustomerData, Permission.ReadAcquiringData), Set.of(code), null);
        ApiClient api = server.api(reader.token());

        api.post("/acquiring/v1.0/payments", CREATE_BODY.formatted(code)).expectError(403, "MakeAcquiringOperation");
        api.get("/acquiring/v1.0/payments?customerCode=" + code).expectStatus(200);
        server.api(issue(Set.of(Permission.ReadAcquiringData), Set.of(code), null)
                        .token())
                .get("/open-banking/v1.0/customers")
                .expectError(403, "ReadCustomerData");
    }

    @Test
    void another_companys_data_is_neither_readable_nor_writable() {
        IssuedKey personalOnly = issue(Set.copyOf(Permission.ACQUIRING), Set.of("300000093"), null);
        ApiClient stranger = server.api(personalOnly.token());
        String operationId = server.api()
                .post("/acquiring/v1.0/payments", CREATE_BODY.formatted(code))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.simulate(operationId, "card", "approve").expectStatus(200);

        stranger.post("/acquiring/v1.0/payments", CREATE_BODY.formatted(code)).expectError(403, code);
        stranger.get("/acquiring/v1.0/payments?customerCode=" + code).expectError(403, code);
        stranger.get("/acquiring/v1.0/retailers?customerCode=" + code).expectError(403, code);
        stranger.get("/open-banking/v1.0/customers/" + code).expectError(403, code);
        String unknown = "00000000-0000-0000-0000-000000000000";
        String foreignAnswer = stranger.get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(404)
                .json()
                .get("message")
                .asText();
        String unknownAnswer = stranger.get("/acquiring/v1.0/payments/" + unknown)
                .expectStatus(404)
                .json()
                .get("message")
                .asText();
        assertThat(foreignAnswer.replace(operationId, unknown))
                .as("a foreign id reads like a missing one")
                .isEqualTo(unknownAnswer);
        stranger.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 1}}")
                .expectStatus(404);
        JsonNode customers = stranger.get("/open-banking/v1.0/customers")
                .expectStatus(200)
                .data()
                .get("Customer");
        assertThat(customers)
                .extracting(customer -> customer.get("customerCode").asText())
                .containsExactly("300000093");

        JsonNode payment = server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
        assertThat(payment.get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void the_sandbox_token_works_only_on_the_sandbox_and_keys_only_on_uapi() {
        server.sandbox().get("/open-banking/v1.0/customers").expectStatus(200);
        server.api("sandbox.jwt.token").get("/open-banking/v1.0/customers").expectError(403, "/sandbox/v2");
        server.sandbox()
                .withAuthorization("Bearer " + server.info().demoToken())
                .get("/open-banking/v1.0/customers")
                .expectError(403, "sandbox.jwt.token");
    }

    @Test
    void the_control_api_needs_the_admin_token() {
        String operationId = server.api()
                .post("/acquiring/v1.0/payments", CREATE_BODY.formatted(code))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        ApiClient admin = server.admin();

        admin.withAuthorization("Bearer " + server.info().demoToken())
                .post(
                        "/control/v1/payments/" + operationId + "/simulate",
                        "{\"paymentType\":\"card\",\"outcome\":\"approve\"}")
                .expectError(403, "admin token");
        admin.withAuthorization(null)
                .post("/control/v1/clock/advance", "{\"minutes\": 1}")
                .expectStatus(403);
        admin.post(
                        "/control/v1/payments/" + operationId + "/simulate",
                        "{\"paymentType\":\"cash\",\"outcome\":\"approve\"}")
                .expectError(400, "paymentType: must be one of");
        admin.post("/control/v1/clock/advance", "{\"minutes\": -5}").expectError(400, "minutes");
    }

    @Test
    void without_control_the_control_api_does_not_exist() {
        var noControl =
                Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl()).withoutControl();
        try (TestServer locked = TestServer.start(noControl)) {
            locked.admin().post("/control/v1/clock/advance", "{\"minutes\": 1}").expectError(404);
        }
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() throws IOException {
        // Only the head and the body's first bytes are sent: the answer must come without the rest. (A client that
        // kept sending all of it could lose the answer to the reset that closing an unread connection causes.)
        String start = "{\"Data\": {\"purpose\": \"xxx";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream()
                    .write(("POST /uapi/acquiring/v1.0/payments HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + server.info().demoToken() + "\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 2000030\r\n\r\n" + start)
                            .getBytes(StandardCharsets.US_ASCII));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("larger than 1000000 bytes");
        }
    }

    @Test
    void unknown_routes_answer_the_banks_404() {
        server.api().get("/acquiring/v1.0/nothing").expectError(404);
    }
}
