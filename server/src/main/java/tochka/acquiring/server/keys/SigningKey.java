package tochka.acquiring.server.keys;

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
import java.text.ParseException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.Hmac;
import tochka.acquiring.server.core.Transactions;

/**
 * The server's RSA key pair: it signs the JWT keys it issues and the webhooks it sends, and its public half is
 * published as a JWK. Built from a key alone with {@link #of}; the server's is created on first start and kept in
 * the database ({@link #loadOrCreate}), so every node of a PostgreSQL cluster signs with the same key. 3072 bits and
 * RS256.
 *
 * <p>The two kinds of token carry different headers, so that one can never pass for the other: a webhook has the
 * bank's {@code {"typ":"JWT","alg":"RS256"}} byte for byte, and a JWT key has {@code typ} {@value #API_KEY_TYPE}
 * and {@code kid} the key's thumbprint followed by {@value #API_KEY_KID_SUFFIX}, which {@link #verifyApiKey}
 * requires exactly.
 */
public final class SigningKey {

    /** The {@code typ} of a JWT key (RFC 9068's access-token type); a webhook's is {@code JWT}. */
    public static final String API_KEY_TYPE = "at+jwt";
    /** Appended to the signing key's thumbprint to make a JWT key's {@code kid}. */
    public static final String API_KEY_KID_SUFFIX = "-api-key";

    /**
     * The row name every node stores a new key under: the primary key then lets exactly one of several nodes starting
     * together store theirs, and the others load it. (Under the key's own thumbprint, each node's insert succeeded
     * and a node could keep signing with a key the others did not publish.) The key's JWK keeps its thumbprint kid.
     */
    private static final String STORED_KID = "server";

    private static final JWSHeader WEBHOOK_HEADER =
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();

    private final RSAKey key;
    private final RSASSAVerifier verifier;
    private final JWSHeader apiKeyHeader;

    private SigningKey(RSAKey key) throws JOSEException {
        this.key = key;
        this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        this.apiKeyHeader = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(API_KEY_TYPE))
                .keyID(key.computeThumbprint().toString() + API_KEY_KID_SUFFIX)
                .build();
    }

    /**
     * The signer and verifier of {@code key}, an RSA key pair with its private half, without any database: for tests
     * and embedders that bring their own key. The same key gives the same tokens and JWKS as a server using it.
     *
     * @throws IllegalArgumentException when {@code key} has no private half or is not usable for RS256
     */
    public static SigningKey of(RSAKey key) {
        if (!key.isPrivate()) throw new IllegalArgumentException("the signing key needs its private half");
        try {
            return new SigningKey(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA signing key", e);
        }
    }

    /**
     * The server's key kept in the database, or a new one stored there when there is none yet (the first node to
     * store one wins a race), so every node signs with the same key.
     */
    public static SigningKey loadOrCreate(Transactions db, Instant now) {
        String stored =
                db.withHandle(handle -> new KeyStore(handle).signingKey()).orElse(null);
        if (stored == null) {
            RSAKey created = generate();
            try {
                db.useTransaction(
                        handle -> new KeyStore(handle).insertSigningKey(STORED_KID, created.toJSONString(), now));
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e)) throw e;
            }
            stored = db.withHandle(handle -> new KeyStore(handle).signingKey()).orElseThrow();
        }
        try {
            return of(RSAKey.parse(stored));
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the server's signing key", e);
        }
    }

    /** A fresh key pair of the server's kind: 3072-bit RSA, its {@code kid} the JWK thumbprint. */
    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(3072).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /**
     * Signs {@code claims} as a JWT key: a compact RS256 JWT with the JWT-key header; the same claims always give the
     * same token (RS256 signatures are deterministic).
     */
    public String signApiKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(apiKeyHeader, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** Signs {@code json} as it is, byte for byte, as the payload of a compact RS256 JWT (webhooks). */
    public String signPayload(String json) {
        try {
            JWSObject jws = new JWSObject(WEBHOOK_HEADER, new Payload(json));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /**
     * Whether {@code jwt} is a JWT key this server signed: exactly the JWT-key header (no other parameter, so no
     * {@code alg} but RS256, no embedded key, no {@code crit}) and a valid signature. A webhook, signed by the same
     * key under the bank's header, is refused.
     */
    public boolean verifyApiKey(SignedJWT jwt) {
        if (!jwt.getHeader().toJSONObject().equals(apiKeyHeader.toJSONObject())) return false;
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The {@code kid} every JWT key carries. */
    public String apiKeyId() {
        return java.util.Objects.requireNonNull(apiKeyHeader.getKeyID());
    }

    /**
     * A secret for {@code purpose} derived from the private key (HMAC-SHA256 keyed with its private exponent), so
     * that it is the same on every start and every node, yet stored nowhere: the hosted pages' anti-CSRF key. Fit
     * only for secrets no stronger than the signing key itself, since whoever reads the key can derive them; the
     * admin token is therefore random and stored hashed instead ({@link AdminTokens}).
     */
    public String derivedSecret(String purpose) {
        return HexFormat.of().formatHex(Hmac.sha256(key.getPrivateExponent().decode(), purpose), 0, 24);
    }

    /** The public key in the bank's single-JWK form: only {@code kty}, {@code e} and {@code n}. */
    public Map<String, Object> publicJwk() {
        return Map.of(
                "kty",
                "RSA",
                "e",
                key.getPublicExponent().toString(),
                "n",
                key.getModulus().toString());
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
