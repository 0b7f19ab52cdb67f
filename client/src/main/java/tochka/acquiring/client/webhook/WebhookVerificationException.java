package tochka.acquiring.client.webhook;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A webhook body that must not be trusted, or a key that could not be had to check it; the message says which check
 * failed and never carries the token itself.
 */
public final class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which kind of check failed. */
    public enum Reason {
        /** Not a compact JWS: blank, too large, not three base64url parts, a header that is not JSON. */
        MALFORMED_TOKEN,
        /** The header asks for something other than RS256 (or for {@code crit} extensions, or is no JWT). */
        UNSUPPORTED_ALGORITHM,
        /** The signature does not verify with the bank's key, even after re-fetching it: forged or damaged. */
        BAD_SIGNATURE,
        /** Signed correctly, but a claim is missing or malformed (the message names it). */
        BAD_CLAIMS,
        /**
         * No key to check with: fetching it failed and none is cached. Not the sender's fault; a webhook endpoint
         * should answer with a 5xx so that the bank delivers again later.
         */
        KEY_UNAVAILABLE
    }

    private final Reason reason;

    WebhookVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    WebhookVerificationException(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Which kind of check failed. */
    public Reason reason() {
        return reason;
    }
}
