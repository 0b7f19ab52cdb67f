package tochka.acquiring.server.keys;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A key the console's wizard is making (or re-issuing: {@code replaces} is the key it retires), bound to the user
 * who started it. What each step chose stays null until that step is done: the companies and accesses, then the
 * term ({@code unlimited}, or until {@code expiresAt}). The code sent by SMS is kept only as its HMAC.
 */
public record KeyRequest(
        String requestId,
        String userId,
        @Nullable String replaces,
        String name,
        @Nullable Set<String> customerCodes,
        @Nullable Set<KeyAccess> access,
        @Nullable Boolean unlimited,
        @Nullable Instant expiresAt,
        Status status,
        @Nullable Instant codeExpiresAt,
        int attemptsLeft,
        int codesSent,
        @Nullable String issued,
        Instant createdAt) {

    /** Where a request is: being filled in, waiting for its code, voided by wrong codes, or done. */
    public enum Status {
        DRAFT,
        CODE_SENT,
        VOID,
        DONE
    }

    public KeyRequest {
        customerCodes = customerCodes == null ? null : Set.copyOf(customerCodes);
        access = access == null ? null : Set.copyOf(access);
    }

    /** Whether the request may still change or be confirmed. */
    public boolean open() {
        return status == Status.DRAFT || status == Status.CODE_SENT;
    }
}
