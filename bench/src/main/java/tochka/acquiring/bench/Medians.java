package tochka.acquiring.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Medians over rounds. Ratios are taken per round and then their median, not the ratio of the medians: rounds are
 * interleaved so that both targets of a round saw the same machine, and that pairing is what a ratio should keep.
 */
public final class Medians {

    private Medians() {}

    /** The median; for an even count the mean of the two middle values. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The index of the median value (the lower middle one for an even count): whose latencies a table shows. */
    public static int medianIndex(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        List<Integer> order = IntStream.range(0, values.size())
                .boxed()
                .sorted(Comparator.comparing(values::get))
                .toList();
        return order.get((values.size() - 1) / 2);
    }

    /** The median over rounds of {@code numerators[i] / denominators[i]}. */
    public static double medianRatio(List<Double> numerators, List<Double> denominators) {
        if (numerators.size() != denominators.size()) {
            throw new IllegalArgumentException(
                    "rounds differ: " + numerators.size() + " against " + denominators.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) ratios.add(numerators.get(i) / denominators.get(i));
        return median(ratios);
    }
}
