package tochka.acquiring.server.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookType;

/**
 * One webhook to deliver, as the outbox keeps it: the signed token (the same on every attempt, so receivers can
 * deduplicate), where it goes, and how its delivery stands.
 */
public record WebhookEvent(
        String eventId,
        String clientId,
        String url,
        WebhookType type,
        @Nullable String operationId,
        String token,
        Instant createdAt,
        Status status,
        int attempts,
        int giveUpAfter,
        Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatusCode,
        @Nullable Long lastLatencyMillis,
        @Nullable String lastError,
        @Nullable Instant deliveredAt) {

    /** Where a delivery stands: waiting for its next attempt, answered 200, or out of attempts. */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
