package tochka.acquiring.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One wrk run as its Lua script's {@code done()} reports it (lua/report.lua): counts, errors and latencies in
 * microseconds; {@code flows}, {@code creates} and {@code broken} only from the flow script.
 */
public record WrkResult(
        long requests,
        long durationUs,
        long bytes,
        Errors errors,
        Latency latencyUs,
        long flows,
        long creates,
        long broken) {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** wrk's error counters: socket errors by kind, statuses above 399, and requests that timed out. */
    public record Errors(long connect, long read, long write, long status, long timeout) {
        long total() {
            return connect + read + write + status + timeout;
        }
    }

    /** wrk's latency percentiles and maximum, in microseconds. */
    public record Latency(long p50, long p99, long p999, long max) {}

    /** Reads the line a script wrote; anything else than that shape is a bug of the script, so it throws. */
    public static WrkResult parse(String line) {
        try {
            return JSON.readValue(line, WrkResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a wrk result line: " + line, e);
        }
    }

    /** Requests per second over the run. */
    public double throughput() {
        return durationUs == 0 ? 0 : requests * 1_000_000.0 / durationUs;
    }

    /** Complete flows per second (the flow scenario). */
    public double flowThroughput() {
        return durationUs == 0 ? 0 : flows * 1_000_000.0 / durationUs;
    }

    /** Every error of the run, wrk's and the flow script's non-2xx answers below 400 included. */
    public long errorCount() {
        return errors.total() + broken;
    }

    /** The non-zero error counters, e.g. {@code "status 3, timeout 1"}, for the message that fails the run. */
    public String describeErrors() {
        StringBuilder text = new StringBuilder();
        append(text, "connect", errors.connect);
        append(text, "read", errors.read);
        append(text, "write", errors.write);
        append(text, "status", errors.status);
        append(text, "timeout", errors.timeout);
        append(text, "non-2xx or unreadable answers in the flow", broken);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, long count) {
        if (count == 0) return;
        if (text.length() > 0) text.append(", ");
        text.append(name).append(' ').append(count);
    }
}
