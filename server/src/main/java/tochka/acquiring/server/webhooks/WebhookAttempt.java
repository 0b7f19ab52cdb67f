package tochka.acquiring.server.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a webhook event: its number (1 for the first), when, the receiver's status code (null when
 * none came: refused, timed out), how long it took, and what went wrong.
 */
public record WebhookAttempt(
        int attempt,
        Instant attemptedAt,
        @Nullable Integer statusCode,
        long latencyMillis,
        @Nullable String error) {

    /** Whether the receiver took it: a 200, as the bank requires. */
    public boolean delivered() {
        return statusCode != null && statusCode == 200;
    }
}
