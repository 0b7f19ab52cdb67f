package tochka.acquiring.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Which database the HTTP tests run on: SQLite by default, PostgreSQL with {@code -Dtochka.test.db=postgres}. The
 * build runs every {@code *IT} class once on each. PostgreSQL is one embedded server per JVM with a fresh database
 * per test server.
 */
public final class TestDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static @Nullable EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("tochka.test.db", "sqlite"));
    }

    /** A JDBC URL of a new, empty PostgreSQL database, or {@code null} for SQLite. */
    public static @Nullable String freshUrl() {
        if (!postgres()) return null;
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
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }
}
