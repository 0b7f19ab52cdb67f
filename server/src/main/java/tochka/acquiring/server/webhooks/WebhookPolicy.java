package tochka.acquiring.server.webhooks;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered and retried. The bank's schedule is the default: any answer but 200 (or none within
 * the timeout) is retried, 30 attempts 10 s apart. An exponential schedule doubles the wait from {@code interval} up
 * to {@code maxInterval}, for receivers that may be down for hours.
 *
 * @param timeout how long one attempt may take in all: connect, TLS, the answer's status, headers and body
 * @param allow where webhooks may go beyond https:443 to public addresses (and loopback when the server listens
 *     on loopback): CIDR blocks, or host[:port] as written in URLs ({@link WebhookTargets.Rule}). Each lets key
 *     holders make the server call those addresses, so allow only what is meant to receive webhooks.
 */
public record WebhookPolicy(
        int attempts,
        Duration interval,
        boolean exponential,
        Duration maxInterval,
        Duration timeout,
        List<String> allow) {

    public static final WebhookPolicy BANK = new WebhookPolicy(
            30, Duration.ofSeconds(10), false, Duration.ofHours(1), Duration.ofSeconds(10), List.of());

    public WebhookPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts < 1: " + attempts);
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval <= 0");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout <= 0");
        if (maxInterval.compareTo(interval) < 0) throw new IllegalArgumentException("maxInterval < interval");
        allow = List.copyOf(allow);
        allow.forEach(WebhookTargets.Rule::parse); // a bad rule fails at start, naming itself
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        if (!exponential) return interval;
        Duration delay = interval;
        for (int i = 1; i < attempt && delay.compareTo(maxInterval) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(maxInterval) > 0 ? maxInterval : delay;
    }
}
