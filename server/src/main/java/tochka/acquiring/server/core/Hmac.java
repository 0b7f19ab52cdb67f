package tochka.acquiring.server.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the one keyed hash of the server: the pages' anti-CSRF tokens and secrets derived from the key. */
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
}
