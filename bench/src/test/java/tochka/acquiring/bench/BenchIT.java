package tochka.acquiring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the whole harness against the packaged server; only where wrk is installed (./test installs it). */
class BenchIT {

    @Test
    void a_short_run_against_wiremock_passes_and_writes_every_round_and_ratio_as_json(@TempDir Path results)
            throws IOException {
        assumeTrue(wrkInstalled(), "wrk is not installed (bench/run installs it)");
        Path repo = Path.of("..").toAbsolutePath().normalize();

        int exit = Bench.run(
                "--duration",
                "1s",
                "--warmup",
                "1s",
                "--prewarm",
                "2s",
                "--rounds",
                "1",
                "--scenarios",
                "info",
                "--results",
                results.toString(),
                "--repo",
                repo.toString());

        assertThat(exit).isZero();
        List<Path> files;
        try (Stream<Path> listed = Files.list(results)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(files.get(0).toFile());
        // info against ours, WireMock, WireMock without its journal, then our /health.
        assertThat(json.get("runs")).hasSize(4);
        for (JsonNode run : json.get("runs")) {
            assertThat(run.at("/wrk/requests").asLong()).as(run.toString()).isPositive();
        }
        assertThat(json.at("/ratios/0/oursOverWireMock").asDouble()).isPositive();
        assertThat(json.at("/ratios/0/oursOverWireMockNoJournal").asDouble()).isPositive();
        assertThat(json.at("/ratios/0/percentOfHealth").asDouble()).isPositive();
        assertThat(json.at("/startup/existingMs").asDouble()).isPositive();
        assertThat(json.at("/payments").asLong()).isGreaterThanOrEqualTo(100);
    }

    private static boolean wrkInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk")));
    }
}
