package tochka.acquiring.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** The bank asked to slow down (429) and retries ran out; {@link #retryAfter()} says for how long, when it said. */
public class RateLimitException extends TochkaException {

    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    RateLimitException(String call, @Nullable ErrorBody body, String message, @Nullable Duration retryAfter) {
        super(call, 429, body, message, null);
        this.retryAfter = retryAfter;
    }

    /** How long the bank asked to wait ({@code Retry-After}), when it said. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
