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

/** A smoke run of the whole harness against the packaged server; only where wrk is installed (CI has none). */
class BenchIT {

    @Test
    void a_short_run_of_info_and_health_passes_and_writes_every_round_as_json(@TempDir Path results)
            throws IOException {
        assumeTrue(wrkInstalled(), "wrk is not installed (bench/run installs it)");
        Path repo = Path.of("..").toAbsolutePath().normalize();

        int exit = Bench.run(
                "--duration",
                "2s",
                "--warmup",
                "1s",
                "--rounds",
                "1",
                "--scenarios",
                "info,health",
                "--no-baseline",
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
        // info against ours and against our /health, then health against ours.
        assertThat(json.get("runs")).hasSize(3);
        assertThat(json.at("/runs/0/wrk/requests").asLong()).isPositive();
        assertThat(json.at("/startup/existingMs").asDouble()).isPositive();
    }

    private static boolean wrkInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk")));
    }
}
