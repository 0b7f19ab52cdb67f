package tochka.acquiring.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.bench.Measurement.Target;

/** The rounds of a run reduced to what the tables show: medians, and ratios per round then their median. */
final class Summary {

    /** One target at one scenario and connection count: the median throughput, the median round's latencies. */
    record TargetRow(
            String scenario,
            int connections,
            Target target,
            double throughput,
            double p50Ms,
            double p99Ms,
            double p999Ms,
            double maxMs,
            double cpuMsPerRequest,
            double coresUsed) {}

    /** Ours against the others at one scenario and connection count; null where a target was not run. */
    record RatioRow(
            String scenario,
            int connections,
            @Nullable Double oursOverWireMock,
            @Nullable Double oursOverWireMockNoJournal,
            @Nullable Double percentOfHealth) {}

    private record Key(String scenario, int connections) {}

    private Summary() {}

    static List<TargetRow> targets(List<Measurement> runs) {
        List<TargetRow> rows = new ArrayList<>();
        groups(runs)
                .forEach((key, byTarget) -> byTarget.forEach((target, rounds) -> {
                    List<Double> throughputs =
                            rounds.stream().map(Measurement::throughput).toList();
                    Measurement median = rounds.get(Medians.medianIndex(throughputs));
                    WrkResult.Latency latency = median.wrk().latencyUs();
                    rows.add(new TargetRow(
                            key.scenario(),
                            key.connections(),
                            target,
                            Medians.median(throughputs),
                            latency.p50() / 1000.0,
                            latency.p99() / 1000.0,
                            latency.p999() / 1000.0,
                            latency.max() / 1000.0,
                            Medians.median(rounds.stream()
                                    .map(Measurement::cpuMsPerRequest)
                                    .toList()),
                            Medians.median(
                                    rounds.stream().map(Measurement::coresUsed).toList())));
                }));
        return rows;
    }

    static List<RatioRow> ratios(List<Measurement> runs) {
        List<RatioRow> rows = new ArrayList<>();
        groups(runs).forEach((key, byTarget) -> {
            List<Measurement> ours = byTarget.get(Target.OURS);
            if (ours == null) return;
            // Requests per second on both sides: for the flow, the ceiling compares requests, not whole flows.
            List<Double> oursRequests =
                    ours.stream().map(Measurement::requestsPerSecond).toList();
            Double health = ratio(oursRequests, byTarget.get(Target.HEALTH));
            rows.add(new RatioRow(
                    key.scenario(),
                    key.connections(),
                    ratio(oursRequests, byTarget.get(Target.WIREMOCK)),
                    ratio(oursRequests, byTarget.get(Target.WIREMOCK_NO_JOURNAL)),
                    health == null ? null : health * 100));
        });
        return rows;
    }

    private static @Nullable Double ratio(List<Double> ours, @Nullable List<Measurement> theirs) {
        if (theirs == null) return null;
        return Medians.medianRatio(
                ours, theirs.stream().map(Measurement::requestsPerSecond).toList());
    }

    /** Runs by scenario and connection count, then by target, in the order they ran; rounds in order. */
    private static Map<Key, Map<Target, List<Measurement>>> groups(List<Measurement> runs) {
        Map<Key, Map<Target, List<Measurement>>> groups = new LinkedHashMap<>();
        for (Measurement run : runs) {
            groups.computeIfAbsent(new Key(run.scenario(), run.connections()), key -> new LinkedHashMap<>())
                    .computeIfAbsent(run.target(), target -> new ArrayList<>())
                    .add(run);
        }
        groups.values()
                .forEach(byTarget -> byTarget.values()
                        .forEach(rounds -> rounds.sort((a, b) -> Integer.compare(
                                Objects.requireNonNull(a).round(),
                                Objects.requireNonNull(b).round()))));
        return groups;
    }
}
