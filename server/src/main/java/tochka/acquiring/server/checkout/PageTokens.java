package tochka.acquiring.server.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Hmac;

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
        return HexFormat.of().formatHex(Hmac.sha256(secret, purpose + ":" + subject));
    }

    boolean valid(String purpose, String subject, @Nullable String token) {
        return token != null
                && MessageDigest.isEqual(
                        token(purpose, subject).getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8));
    }
}
