package tochka.acquiring.server.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The server's database: SQLite in a data directory by default, PostgreSQL when a JDBC URL is given. Both get the
 * same Flyway migrations. SQLite runs in WAL mode with {@code synchronous=FULL}, so an acknowledged write survives
 * {@code kill -9} and power loss.
 *
 * <p>Two pools: one connection for the writer thread, which commits waiting writes together ({@link GroupCommit}),
 * and a few for readers, which WAL mode lets read while the writer writes. SQLite opens the writer's transactions
 * with {@code BEGIN IMMEDIATE}, so that a node sharing nothing but the file never fails on a read-to-write lock
 * upgrade.
 */
public final class Database implements AutoCloseable {

    /** Readers' connections on SQLite: reads are short, and more would only wait for the two cores. */
    static final int SQLITE_READERS = 8;

    private final HikariDataSource writerPool;
    private final HikariDataSource readerPool;
    private final GroupCommit writer;
    private final Transactions transactions;
    private final boolean postgres;

    /** Migrates {@code migrations} (unpooled: Flyway holds two connections at once), then opens both pools on it. */
    private Database(DataSource migrations, HikariConfig writerPool, HikariConfig readerPool, boolean postgres) {
        Flyway.configure()
                .dataSource(migrations)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.postgres = postgres;
        this.writerPool = new HikariDataSource(writerPool);
        this.readerPool = new HikariDataSource(readerPool);
        Jdbi writes = Jdbi.create(this.writerPool);
        ColumnTypes.register(writes);
        Jdbi reads = Jdbi.create(this.readerPool);
        ColumnTypes.register(reads);
        this.writer = new GroupCommit(writes, "tochka-db-writer");
        this.transactions = new Transactions(reads, writer);
    }

    /** The SQLite file of a data directory, absolute. */
    public static Path sqliteFile(Path dataDir) {
        return dataDir.resolve("tochka.db").toAbsolutePath().normalize();
    }

    /**
     * SQLite in {@code dataDir/tochka.db}; the directory is created when missing (mode 700), and the file is created
     * empty with mode 600 before SQLite opens it, so that its {@code -wal} and {@code -shm}, which SQLite gives the
     * database file's mode, are 600 too.
     */
    public static Database sqlite(Path dataDir) {
        try {
            DataDirectory.prepare(dataDir);
            DataDirectory.createPrivateFile(sqliteFile(dataDir));
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + sqliteFile(dataDir));

        HikariConfig writerPool = new HikariConfig();
        writerPool.setDataSource(sqlite);
        writerPool.setPoolName("tochka-sqlite-writer");
        writerPool.setMaximumPoolSize(1);
        HikariConfig readerPool = new HikariConfig();
        readerPool.setDataSource(sqlite);
        readerPool.setPoolName("tochka-sqlite-readers");
        readerPool.setMaximumPoolSize(SQLITE_READERS);
        readerPool.setConnectionInitSql("PRAGMA query_only = true");
        return new Database(sqlite, writerPool, readerPool, false);
    }

    /** PostgreSQL at {@code jdbcUrl}; user and password may be in the URL or given here. */
    public static Database postgres(String jdbcUrl, @Nullable String user, @Nullable String password) {
        requirePostgresUrl(jdbcUrl);
        return new Database(
                new DriverDataSource(jdbcUrl, org.postgresql.Driver.class.getName(), new Properties(), user, password),
                postgresPool(jdbcUrl, user, password, "writer", 1),
                postgresPool(jdbcUrl, user, password, "readers", 10),
                true);
    }

    private static HikariConfig postgresPool(
            String jdbcUrl, @Nullable String user, @Nullable String password, String role, int size) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) pool.setUsername(user);
        if (password != null && !password.isEmpty()) pool.setPassword(password);
        pool.setPoolName("tochka-postgres-" + role);
        pool.setMaximumPoolSize(size);
        return pool;
    }

    /**
     * Whether the PostgreSQL database at {@code jdbcUrl} holds the server's schema: Flyway has migrated it, so its
     * history table exists (in the schema Flyway would use, the first of the search path).
     *
     * @throws IllegalStateException when the database cannot be reached
     */
    public static boolean isMigrated(String jdbcUrl, @Nullable String user, @Nullable String password) {
        requirePostgresUrl(jdbcUrl);
        Properties login = new Properties();
        if (user != null && !user.isEmpty()) login.setProperty("user", user);
        if (password != null && !password.isEmpty()) login.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach PostgreSQL at " + withoutPassword(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    /** {@code jdbcUrl} as it may be shown: without a password, whether in the query or before an {@code @}. */
    public static String withoutPassword(String jdbcUrl) {
        String url = jdbcUrl.replaceFirst("^(jdbc:postgresql://)[^/@?]*@", "$1");
        int query = url.indexOf('?');
        if (query < 0) return url;
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter ->
                        !parameter.split("=", 2)[0].toLowerCase(Locale.ROOT).contains("password"))
                .collect(Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static void requirePostgresUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL, got " + withoutPassword(jdbcUrl));
        }
    }

    /** Reads and writes, as the services make them. */
    public Transactions transactions() {
        return transactions;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Whether {@code error} (or a cause) is a unique-constraint violation, on either database. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if ("23505".equals(sql.getSQLState())) return true;
                String message = String.valueOf(sql.getMessage());
                if (message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        writer.close();
        readerPool.close();
        writerPool.close();
    }
}
