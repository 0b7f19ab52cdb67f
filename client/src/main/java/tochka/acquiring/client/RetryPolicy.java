package tochka.acquiring.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a call is tried again: at most {@code maxAttempts} in all, waiting
 * {@code initialBackoff} before the second, doubling up to {@code maxBackoff}, each wait cut by up to a quarter at
 * random (jitter, so that many clients don't retry in step), or as long as the bank's {@code Retry-After} says.
 * Reads are retried on network errors, 429 and 5xx; a payment or refund is never sent twice blindly (see
 * {@link TochkaClient}). The client's call timeout bounds all attempts together.
 *
 * @param maxAttempts tries in all, 1 (no retries) to 10
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two tries, also the most of {@code Retry-After} that is honoured
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Three tries, 500 ms then 1 s apart, never more than 5 s: the backoff of Stripe's SDK. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5));

    /** One try: every failure is the caller's at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(5));

    /** Checks the values at once, naming a wrong one. */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 10: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException(
                    "initialBackoff must be from 0 to maxBackoff: " + initialBackoff + " > " + maxBackoff);
        }
        if (maxBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("maxBackoff must be at most a minute: " + maxBackoff);
        }
    }

    /** The wait before try {@code attempt + 1} after try {@code attempt} (from 1) failed. */
    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - jitter);
    }

    /** The wait the bank asked for, no longer than {@code maxBackoff}. */
    Duration honour(Duration retryAfter) {
        return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
}
