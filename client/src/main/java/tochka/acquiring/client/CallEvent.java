package tochka.acquiring.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One finished call, for metrics: what was called (the path with its ids left as placeholders, so that it can be a
 * metric's tag), how it ended, how many tries it took and how long all of them took.
 *
 * @param method the HTTP method
 * @param route the path template, e.g. {@code /acquiring/v1.0/payments/{operationId}}
 * @param httpStatus the last answer's status, or 0 when none came
 * @param attempts how many times the request was sent
 * @param duration from the call to its end, retries and waits included
 * @param error what the caller got instead of a result, or null on success
 */
public record CallEvent(
        String method,
        String route,
        int httpStatus,
        int attempts,
        Duration duration,
        @Nullable TochkaException error) {

    /** Whether the call gave its caller a result. */
    public boolean succeeded() {
        return error == null;
    }
}
