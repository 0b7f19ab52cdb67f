package tochka.acquiring.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The webhook scenario: links created beforehand, then approved through the control API at a fixed rate that does
 * not wait for answers (open loop, so a slow server cannot slow the load down and hide its latency); latency is
 * the webhook's arrival minus the approval's send.
 */
final class WebhookLatency {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final String APPROVE = "{\"paymentType\": \"card\", \"outcome\": \"approve\"}";

    /** Approval-to-delivery latencies of one round, in milliseconds. */
    record Result(int approvals, double ratePerSecond, double p50Ms, double p99Ms, double p999Ms, double maxMs) {}

    private WebhookLatency() {}

    static Result run(Http http, String adminToken, WebhookReceiver receiver, List<String> operationIds, double rate)
            throws IOException, InterruptedException {
        long period = (long) (1_000_000_000L / rate);
        long[] sent = new long[operationIds.size()];
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < operationIds.size(); i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            var request = http.request(
                    "POST", "/control/v1/payments/" + operationIds.get(i) + "/simulate", adminToken, APPROVE);
            sent[i] = System.nanoTime();
            answers.add(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        long lastSent = System.nanoTime();
        double achieved = operationIds.size() * 1e9 / Math.max(1, lastSent - start);
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer;
            try {
                answer = answers.get(i).get();
            } catch (ExecutionException e) {
                throw new BenchFailure("webhook: the approval of " + operationIds.get(i) + " failed: " + e.getCause());
            }
            if (answer.statusCode() != 200) {
                throw new BenchFailure("webhook: the approval of " + operationIds.get(i) + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
        }
        Histogram micros = new Histogram(3);
        int missing = 0;
        for (int i = 0; i < operationIds.size(); i++) {
            long deadline = sent[i] + GRACE.toNanos();
            Long arrival;
            while ((arrival = receiver.arrival(operationIds.get(i))) == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // Late counts as missing: a shop's test waiting 10 s for a webhook would have failed too.
            if (arrival == null || arrival - sent[i] > GRACE.toNanos()) missing++;
            else micros.recordValue((arrival - sent[i]) / 1000);
        }
        if (missing > 0) {
            throw new BenchFailure(String.format(
                    Locale.ROOT,
                    "webhook: %d of %d webhooks did not arrive within %d s of their approval at %.0f approvals/s"
                            + " (of those that did: p50 %.0f ms, max %.0f ms)",
                    missing,
                    operationIds.size(),
                    GRACE.toSeconds(),
                    rate,
                    micros.getValueAtPercentile(50) / 1000.0,
                    micros.getMaxValue() / 1000.0));
        }
        return new Result(
                operationIds.size(),
                achieved,
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }
}
