package tochka.acquiring.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import tochka.acquiring.server.testing.TestDatabases;

/**
 * The knobs and the report of the reliability tests. Each test has a short form (the defaults, run by {@code ./test})
 * and a long form ({@code ./reliability}, which sets the {@code reliability.*} system properties); each prints its
 * seed first, so a failure reproduces with {@code -Dreliability.seed=...}, and its figures last, also written to
 * {@code server/target/reliability/<test>-<database>.txt} for the script to show.
 */
final class Reliability {

    private Reliability() {}

    static int setting(String name, int shortForm) {
        return Integer.getInteger("reliability." + name, shortForm);
    }

    /** The seed given with {@code -Dreliability.seed}, else a fresh one; printed either way. */
    static long seed(String test) {
        String given = System.getProperty("reliability.seed");
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.trim()) : System.nanoTime();
        System.out.println(test + " on " + database() + ": seed " + seed + " (rerun with -Dreliability.seed=" + seed
                + ")");
        return seed;
    }

    static String database() {
        return TestDatabases.postgres() ? "postgres" : "sqlite";
    }

    /** Prints {@code figures} and writes them where {@code ./reliability} collects them. */
    static void report(String test, String figures) {
        String line = test + " on " + database() + ": " + figures;
        System.out.println(line);
        Path file = Path.of("target", "reliability", test + "-" + database() + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} every 10 ms until it holds; fails with {@code what} after {@code deadline}. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + deadline + ": " + what);
            LockSupport.parkNanos(10_000_000);
        }
    }
}
