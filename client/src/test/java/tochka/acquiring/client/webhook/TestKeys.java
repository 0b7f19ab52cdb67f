package tochka.acquiring.client.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Keys, tokens and resources the webhook tests build by hand, where {@link WebhookSigner} would not go. */
final class TestKeys {

    /** One key pair of each size for all tests: generating RSA keys is the slow part of these tests. */
    static final KeyPair RSA_2048 = rsa(2048);

    static final KeyPair RSA_1024 = rsa(1024);

    static final String BANK_HEADER = "{\"typ\":\"JWT\",\"alg\":\"RS256\"}";

    private TestKeys() {}

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwk(KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String decodePart(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.strip().split("\\.", -1)[index]), StandardCharsets.UTF_8);
    }

    /** A compact JWS of {@code header} and {@code payload} signed with {@code algorithm} (a JCA name). */
    static String token(String header, String payload, PrivateKey key, String algorithm) {
        String input = b64(header) + "." + b64(payload);
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test-classpath resource as text, e.g. {@code reference/webhook-examples/incomingPayment.jwt}. */
    static String resource(String path) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String example(String name) {
        return resource("reference/webhook-examples/" + name + ".jwt");
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        return b64(bytes);
    }
}
