package tochka.acquiring.server.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's hashes: HMAC-SHA256, its one keyed hash (the pages' anti-CSRF tokens, secrets derived from the key),
 * and SHA-256: of a secret that is kept only as its hash (the admin token, console sessions), of a public file (its
 * ETag).
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {}

    /** The 32-byte HMAC-SHA256 of {@code message} (as UTF-8) under {@code key}. */
    public static byte[] sha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256 (see javax.crypto.Mac), so this is a broken runtime.
            throw new IllegalStateException(ALGORITHM + " is missing", e);
        }
    }

    /** The SHA-256 of {@code secret} (as UTF-8) in lower-case hex. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The 32-byte SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
