package tochka.acquiring.server.checkout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Anti-CSRF tokens of the pages' forms: an HMAC of what the form acts on (the buyer's secret session id, or a QR
 * code id for the bank app) under a server secret. A page from another site cannot read them, so it cannot forge
 * a form; and nothing needs to be stored to check them.
 */
final class PageTokens {

    private final byte[] secret;

    PageTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String token(String purpose, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + subject).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    boolean valid(String purpose, String subject, @Nullable String token) {
        return token != null && MessageDigest.isEqual(
                token(purpose, subject).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
