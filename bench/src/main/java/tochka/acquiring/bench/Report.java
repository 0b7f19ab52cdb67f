package tochka.acquiring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A run's results: the markdown tables on stdout and every round's raw numbers as JSON. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What was asked for. */
    record Settings(
            String db,
            List<String> scenarios,
            List<Integer> connections,
            int rounds,
            double durationSeconds,
            double warmupSeconds,
            double prewarmSeconds,
            boolean baseline,
            double webhookRate,
            double webhookSeconds,
            long fill) {}

    /** Start to the first 200 of /health, in milliseconds: on an empty data directory, then on the same again. */
    record Startup(double freshMs, double existingMs) {}

    /** The --fill phase: how many payments it made, and how fast. */
    record Fill(long payments, double seconds, double perSecond) {}

    /** The whole JSON document. */
    record Results(
            String startedAt,
            Machine machine,
            Settings settings,
            Startup startup,
            @Nullable Fill fill,
            List<Measurement> runs,
            List<WebhookLatency.Result> webhook,
            List<Summary.TargetRow> summary,
            List<Summary.RatioRow> ratios,
            long payments,
            long residentBytes,
            @Nullable Long dataBytes,
            @Nullable Double diskBytesPerPayment,
            @Nullable String failure) {}

    private Report() {}

    static void writeJson(Results results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), results);
    }

    static String markdown(Results results) {
        StringBuilder out = new StringBuilder();
        Settings settings = results.settings();
        out.append("## tochka-acquiring benchmark, ")
                .append(results.startedAt())
                .append("\n\n");
        String failure = results.failure();
        if (failure != null) {
            out.append("**FAILED** (the tables hold what ran before): ")
                    .append(failure)
                    .append("\n\n");
        }
        out.append("Machine: ").append(results.machine().describe()).append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Database %s; each server pre-warmed for %.0f s, then %d interleaved round(s) of %.0f s measured after"
                        + " %.0f s warm-up; wrk, loopback.%n%n",
                settings.db(),
                settings.prewarmSeconds(),
                settings.rounds(),
                settings.durationSeconds(),
                settings.warmupSeconds()));
        out.append(
                "| scenario | conns | target | req/s | p50 ms | p99 ms | p99.9 ms | max ms | CPU ms/req | cores |\n");
        out.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Summary.TargetRow row : results.summary()) {
            boolean flows = row.scenario().equals("flow") && row.target() == Measurement.Target.OURS;
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s%s | %.2f | %.2f | %.2f | %.1f | %.3f | %.2f |%n",
                    row.scenario(),
                    row.connections(),
                    row.target().label(),
                    String.format(Locale.ROOT, "%,.0f", row.throughput()),
                    flows ? " flows/s" : "",
                    row.p50Ms(),
                    row.p99Ms(),
                    row.p999Ms(),
                    row.maxMs(),
                    row.cpuMsPerRequest(),
                    row.coresUsed()));
        }
        out.append("\n| scenario | conns | ours / WireMock | ours / WireMock no journal | ours % of /health |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (Summary.RatioRow row : results.ratios()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s |%n",
                    row.scenario(),
                    row.connections(),
                    number(row.oursOverWireMock(), "%.2f"),
                    number(row.oursOverWireMockNoJournal(), "%.2f"),
                    number(row.percentOfHealth(), "%.0f %%")));
        }
        if (!results.webhook().isEmpty()) {
            out.append("\n| webhook round | approvals | approvals/s | p50 ms | p99 ms | p99.9 ms | max ms |\n");
            out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            int round = 1;
            for (WebhookLatency.Result webhook : results.webhook()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f |%n",
                        round++,
                        webhook.approvals(),
                        webhook.ratePerSecond(),
                        webhook.p50Ms(),
                        webhook.p99Ms(),
                        webhook.p999Ms(),
                        webhook.maxMs()));
            }
        }
        out.append('\n');
        out.append(String.format(
                Locale.ROOT,
                "Start to /health 200: %.0f ms fresh, %.0f ms on the existing data.%n",
                results.startup().freshMs(),
                results.startup().existingMs()));
        Fill fill = results.fill();
        if (fill != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "Fill: %,d payments in %.0f s (%,.0f/s).%n",
                    fill.payments(),
                    fill.seconds(),
                    fill.perSecond()));
        }
        out.append(String.format(
                Locale.ROOT,
                "Server at the end: %,d payments, %.0f MiB resident",
                results.payments(),
                results.residentBytes() / 1048576.0));
        Double perPayment = results.diskBytesPerPayment();
        Long dataBytes = results.dataBytes();
        if (perPayment != null && dataBytes != null) {
            out.append(String.format(
                    Locale.ROOT,
                    ", data directory %.1f MiB (%.0f bytes per payment)",
                    dataBytes / 1048576.0,
                    perPayment));
        }
        out.append(".\n");
        return out.toString();
    }

    private static String number(@Nullable Double value, String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }
}
