package tochka.acquiring.server.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookType;

/**
 * One webhook to deliver, as the outbox keeps it: the signed token (the same on every attempt, so receivers can
 * deduplicate), where it goes, and how its delivery stands. An event not yet attempted may hold only its claims
 * ({@code payload}) and an empty token: the dispatcher signs it when it first sends it.
 */
public record WebhookEvent(
        String eventId,
        String clientId,
        String url,
        WebhookType type,
        @Nullable String operationId,
        String token,
        @Nullable String payload,
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

    /** Whether the token is still to be signed from the payload. */
    public boolean unsigned() {
        return token.isEmpty();
    }

    /** Where a delivery stands: waiting for its next attempt, answered 200, or out of attempts. */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
