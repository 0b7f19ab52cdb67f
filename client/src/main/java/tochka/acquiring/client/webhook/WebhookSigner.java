package tochka.acquiring.client.webhook;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs webhooks the way the bank does, with a test key of its own: for a merchant's unit tests of a webhook
 * handler, with no server. Give the handler {@link #verifier()} (or {@link #publicJwk()}) in place of the
 * production verifier.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.generate();
 * String body = signer.sign(PaymentEvent.approved("op-1", new BigDecimal("990.00")));
 * handler.handle(body, signer.verifier());
 * }</pre>
 */
public final class WebhookSigner {

    /** The bank's header, byte for byte. */
    private static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"RS256\"}";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private WebhookSigner(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A signer with a fresh 2048-bit RSA key pair. */
    public static WebhookSigner generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new WebhookSigner((RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate an RSA key", e);
        }
    }

    /** The public key as a bare JWK, the bank's form: {@code {"kty":"RSA","e":"AQAB","n":"..."}}. */
    public String publicJwk() {
        return "{\"kty\":\"RSA\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\",\"n\":\""
                + unsigned(publicKey.getModulus()) + "\"}";
    }

    /** A verifier that trusts this signer's key only. */
    public WebhookVerifier verifier() {
        return WebhookVerifier.forKey(publicJwk());
    }

    /**
     * The webhook body the bank would send for {@code event}: its claims as the bank writes them (all strings, in
     * the bank's order, absent values left out, {@code webhookType} acquiringInternetPayment), signed.
     */
    public String sign(PaymentEvent event) {
        Objects.requireNonNull(event, "event");
        return sign(BankJson.payment(event));
    }

    /** A webhook body whose payload is {@code claimsJson} exactly as given (any JSON, or none, to test failures). */
    public String sign(String claimsJson) {
        Objects.requireNonNull(claimsJson, "claimsJson");
        String signingInput = encode(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
                + encode(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + encode(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the test key", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[" + publicKey.getModulus().bitLength() + "-bit test key]";
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** A JWK number: big-endian without the sign byte BigInteger adds. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return encode(bytes);
    }
}
