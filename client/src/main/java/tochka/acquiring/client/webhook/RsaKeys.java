package tochka.acquiring.client.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * RSA public keys read from a JWK ({@code {"kty":"RSA","e":"AQAB","n":"..."}}, the bank's form) or a JWKS
 * ({@code {"keys":[...]}}, whose RSA signing keys are all taken), with the JDK alone.
 */
final class RsaKeys {

    /** Shorter keys are refused: 2048 bits is the floor for RS256 (NIST SP 800-131A); the bank's has 3072. */
    static final int MIN_BITS = 2048;

    /** Longer keys are refused so that a key set cannot make each verification arbitrarily slow. */
    private static final int MAX_BITS = 16384;

    /** A JWKS may hold a handful of keys during a rotation; each verification may try all of them. */
    private static final int MAX_KEYS = 8;

    private RsaKeys() {}

    /**
     * The RSA keys in {@code json}, a JWK or a JWKS.
     *
     * @throws IllegalArgumentException naming what is wrong: not JSON, no RSA key, a key too short
     */
    static List<RSAPublicKey> parse(String json) {
        JsonNode root = WebhookJson.read(json);
        if (root == null || !root.isObject()) throw new IllegalArgumentException("the key is not a JSON object");
        JsonNode keys = root.get("keys");
        if (keys == null) return List.of(parseJwk(root));
        if (!keys.isArray()) throw new IllegalArgumentException("the key set's keys is not an array");
        List<RSAPublicKey> result = new ArrayList<>();
        for (JsonNode jwk : keys) {
            if (isRsaSigningKey(jwk)) result.add(parseJwk(jwk));
        }
        if (result.isEmpty()) throw new IllegalArgumentException("the key set holds no RSA signing key");
        if (result.size() > MAX_KEYS) {
            throw new IllegalArgumentException(
                    "the key set holds " + result.size() + " RSA keys, more than " + MAX_KEYS);
        }
        return List.copyOf(result);
    }

    private static boolean isRsaSigningKey(JsonNode jwk) {
        return jwk.isObject()
                && "RSA".equals(jwk.path("kty").asText())
                && (!jwk.has("use") || "sig".equals(jwk.path("use").asText()))
                && (!jwk.has("alg") || "RS256".equals(jwk.path("alg").asText()));
    }

    private static RSAPublicKey parseJwk(JsonNode jwk) {
        if (!"RSA".equals(jwk.path("kty").asText())) {
            throw new IllegalArgumentException("the key's kty is " + Texts.quoted(jwk.path("kty")) + ", not RSA");
        }
        BigInteger modulus = unsigned(jwk, "n", MAX_BITS);
        BigInteger exponent = unsigned(jwk, "e", 64);
        if (modulus.bitLength() > MAX_BITS) {
            throw new IllegalArgumentException(
                    "the RSA key has " + modulus.bitLength() + " bits, more than " + MAX_BITS);
        }
        if (modulus.bitLength() < MIN_BITS) {
            throw new IllegalArgumentException(
                    "the RSA key has " + modulus.bitLength() + " bits; at least " + MIN_BITS + " are required");
        }
        if (!exponent.testBit(0) || exponent.compareTo(BigInteger.ONE) <= 0) {
            throw new IllegalArgumentException("the RSA key's exponent e is not an odd number above 1");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK refuses the RSA key: " + e.getMessage(), e);
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String name, int maxBits) {
        JsonNode value = jwk.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the RSA key has no " + name + " (a base64url string)");
        }
        String text = value.textValue();
        // Each base64url character carries 6 bits; bound the text before decoding it.
        if (text.isEmpty() || text.length() > maxBits / 6 + 4) {
            throw new IllegalArgumentException("the RSA key's " + name + " has " + text.length() + " characters");
        }
        try {
            return new BigInteger(1, Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the RSA key's " + name + " is not base64url", e);
        }
    }
}
