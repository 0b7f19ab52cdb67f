package tochka.acquiring.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import tochka.acquiring.testkit.TestDatabases;

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
        System.out.println(
                test + " on " + database() + ": seed " + seed + " (rerun with -Dreliability.seed=" + seed + ")");
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

    /**
     * Why webhooks are missing: for each (operation, status) not announced, the outbox rows of that operation as the
     * database holds them, read directly over JDBC ({@code jdbcUrl}).
     */
    static String outboxOf(String jdbcUrl, Collection<Deliveries.Announcement> missing) {
        StringBuilder report = new StringBuilder(missing.size() + " missing, now " + System.currentTimeMillis() + ":");
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            try (Statement statement = connection.createStatement();
                    ResultSet counts = statement.executeQuery(
                            "SELECT status, COUNT(*) FROM webhook_event GROUP BY status ORDER BY status")) {
                report.append(" outbox by status:");
                while (counts.next())
                    report.append(' ').append(counts.getString(1)).append('=').append(counts.getLong(2));
            }
            int shown = 0;
            for (Deliveries.Announcement announcement : missing) {
                if (shown++ == 20) break;
                report.append("\n  ").append(announcement).append(':');
                try (PreparedStatement query = connection.prepareStatement("SELECT event_id, status, attempts,"
                        + " created_at, next_attempt_at, claimed_until, last_status_code, last_error FROM webhook_event"
                        + " WHERE operation_id = ? ORDER BY created_at")) {
                    query.setString(1, announcement.operationId());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            report.append(" [")
                                    .append(rows.getString(1))
                                    .append(' ')
                                    .append(rows.getString(2))
                                    .append(" attempts=")
                                    .append(rows.getInt(3))
                                    .append(" created=")
                                    .append(rows.getLong(4))
                                    .append(" next=")
                                    .append(rows.getLong(5))
                                    .append(" claimedUntil=")
                                    .append(rows.getObject(6))
                                    .append(" last=")
                                    .append(rows.getObject(7))
                                    .append(' ')
                                    .append(rows.getString(8))
                                    .append(']');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            report.append(" (cannot read the outbox: ").append(e.getMessage()).append(')');
        }
        return report.toString();
    }

    /**
     * Polls {@code condition} every 10 ms until it holds, for as long as {@code progress} keeps changing: fails with
     * {@code what} once it has not changed for {@code stall}. For a backlog whose size depends on the machine's speed,
     * where only a standstill is a failure.
     */
    static void awaitWhileProgressing(
            String what, Duration stall, BooleanSupplier condition, java.util.function.IntSupplier progress) {
        int last = progress.getAsInt();
        long lastChange = System.nanoTime();
        while (!condition.getAsBoolean()) {
            int now = progress.getAsInt();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                throw new AssertionError("no progress for " + stall + ": " + what);
            }
            LockSupport.parkNanos(10_000_000);
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
