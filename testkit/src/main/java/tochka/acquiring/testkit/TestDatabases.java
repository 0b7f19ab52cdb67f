package tochka.acquiring.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Which database test servers run on: SQLite by default, PostgreSQL with {@code -Dtochka.test.db=postgres} (the
 * server's build runs every {@code *IT} class once on each). PostgreSQL is one embedded server per JVM (from Maven
 * Central, no Docker), stopped when the JVM ends, with a fresh database per test server.
 */
public final class TestDatabases {

    /** The system property that chooses the database: {@code sqlite} (the default) or {@code postgres}. */
    public static final String PROPERTY = "tochka.test.db";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** Whether {@value #PROPERTY} asks for PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY, "sqlite"));
    }

    /** A JDBC URL of a new, empty PostgreSQL database when {@link #postgres()}, else {@code null} for SQLite. */
    public static @Nullable String freshUrl() {
        return postgres() ? freshPostgresUrl() : null;
    }

    /** A JDBC URL of a new, empty database on the JVM's embedded PostgreSQL, which starts on first use. */
    public static String freshPostgresUrl() {
        EmbeddedPostgres server = server();
        String name = "tochka_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        EmbeddedPostgres running = postgres;
        if (running != null) return running;
        EmbeddedPostgres started;
        try {
            started = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        postgres = started;
        return started;
    }
}
