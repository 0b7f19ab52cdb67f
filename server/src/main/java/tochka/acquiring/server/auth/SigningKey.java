package tochka.acquiring.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import tochka.acquiring.server.store.Database;
import tochka.acquiring.server.store.KeyStore;

/**
 * The server's RSA key pair: it signs the JWT keys it issues (and, later, webhooks), and its public half is
 * published as a JWK. Created on first start and kept in the database, so every node of a PostgreSQL cluster
 * signs with the same key. 3072 bits and RS256 with the header {@code {"typ":"JWT","alg":"RS256"}}, as the bank's.
 */
public final class SigningKey {

    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();

    private final RSAKey key;
    private final RSASSAVerifier verifier;

    private SigningKey(RSAKey key) throws JOSEException {
        this.key = key;
        this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    }

    /** The stored key, or a new one when there is none yet (the first node to store one wins a race). */
    public static SigningKey loadOrCreate(Jdbi jdbi, Instant now) {
        try {
            String stored = jdbi.withHandle(handle -> new KeyStore(handle).signingKey()).orElse(null);
            if (stored == null) {
                RSAKey created = new RSAKeyGenerator(3072).keyIDFromThumbprint(true).generate();
                try {
                    jdbi.useTransaction(handle ->
                            new KeyStore(handle).insertSigningKey(created.getKeyID(), created.toJSONString(), now));
                } catch (RuntimeException e) {
                    if (!Database.isUniqueViolation(e)) throw e;
                }
                stored = jdbi.withHandle(handle -> new KeyStore(handle).signingKey()).orElseThrow();
            }
            return new SigningKey(RSAKey.parse(stored));
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot load the server's signing key", e);
        }
    }

    /** Signs {@code claims} as a compact RS256 JWT; the same claims always give the same token. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(HEADER, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** Signs {@code json} as it is, byte for byte, as the payload of a compact RS256 JWT (webhooks). */
    public String signPayload(String json) {
        try {
            JWSObject jws = new JWSObject(HEADER, new Payload(json));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    public boolean verify(SignedJWT jwt) {
        try {
            return JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /**
     * A secret for {@code purpose} derived from the private key (HMAC-SHA256 keyed with its private exponent), so
     * that a secret such as the admin token is the same on every start and every node, yet stored nowhere.
     */
    public String derivedSecret(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getPrivateExponent().decode(), "HmacSHA256"));
            byte[] secret = mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(secret, 0, 24);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a secret", e);
        }
    }

    /** The public key in the bank's single-JWK form: only {@code kty}, {@code e} and {@code n}. */
    public Map<String, Object> publicJwk() {
        return Map.of("kty", "RSA", "e", key.getPublicExponent().toString(), "n", key.getModulus().toString());
    }

    /** The public key as a JWKS, with {@code kid}, {@code use} and {@code alg}. */
    public Map<String, Object> jwks() {
        RSAKey publicKey = new RSAKey.Builder(key.toPublicJWK())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        return Map.of("keys", java.util.List.of(publicKey.toJSONObject()));
    }
}
