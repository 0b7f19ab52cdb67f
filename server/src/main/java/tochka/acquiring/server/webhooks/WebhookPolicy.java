package tochka.acquiring.server.webhooks;

import java.time.Duration;

/**
 * How webhooks are delivered and retried. The bank's schedule is the default: any answer but 200 (or none within
 * the timeout) is retried, 30 attempts 10 s apart. An exponential schedule doubles the wait from {@code interval} up
 * to {@code maxInterval}, for receivers that may be down for hours.
 *
 * @param allowAnyUrl also accept plain http to any host (the bank takes only https on port 443; loopback http is
 *     always accepted for local development). This lets a key make the server call internal addresses (SSRF).
 */
public record WebhookPolicy(
        int attempts,
        Duration interval,
        boolean exponential,
        Duration maxInterval,
        Duration timeout,
        boolean allowAnyUrl) {

    public static final WebhookPolicy BANK =
            new WebhookPolicy(30, Duration.ofSeconds(10), false, Duration.ofHours(1), Duration.ofSeconds(10), false);

    public WebhookPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts < 1: " + attempts);
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval <= 0");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout <= 0");
        if (maxInterval.compareTo(interval) < 0) throw new IllegalArgumentException("maxInterval < interval");
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        if (!exponential) return interval;
        Duration delay = interval;
        for (int i = 1; i < attempt && delay.compareTo(maxInterval) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(maxInterval) > 0 ? maxInterval : delay;
    }
}
