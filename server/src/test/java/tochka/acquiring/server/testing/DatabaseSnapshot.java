package tochka.acquiring.server.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.testkit.TestDatabases;

/**
 * Every table of a server's database as a row count and a checksum of its content (rows as text, sorted, so the
 * order the database returns them in does not matter): two snapshots are equal exactly when no row was added,
 * removed or changed in between. Also the whole text of every table, for scans of what is stored.
 */
public record DatabaseSnapshot(Map<String, Table> tables) {

    /** One table: how many rows, and a SHA-256 of their text. */
    public record Table(long rows, String checksum) {}

    public static DatabaseSnapshot of(Transactions jdbi) {
        Map<String, Table> tables = new TreeMap<>();
        for (String table : tableNames(jdbi)) {
            List<String> rows = rows(jdbi, table);
            rows.sort(null);
            tables.put(table, new Table(rows.size(), sha256(String.join("\n", rows))));
        }
        return new DatabaseSnapshot(tables);
    }

    /** Every row of every table as text, one per line, prefixed by its table. */
    public static String text(Transactions jdbi) {
        StringBuilder text = new StringBuilder();
        for (String table : tableNames(jdbi)) {
            for (String row : rows(jdbi, table))
                text.append(table).append(": ").append(row).append('\n');
        }
        return text.toString();
    }

    /** The tables whose count or checksum differ from {@code before}'s, with both. */
    public String differencesFrom(DatabaseSnapshot before) {
        return tables.keySet().stream()
                .filter(table -> !tables.get(table).equals(before.tables().get(table)))
                .map(table -> table + ": " + before.tables().get(table) + " -> " + tables.get(table))
                .collect(Collectors.joining("; "));
    }

    private static List<String> tableNames(Transactions jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        TestDatabases.postgres()
                                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                        + " AND table_type = 'BASE TABLE' ORDER BY table_name"
                                : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .mapTo(String.class)
                .list());
    }

    private static List<String> rows(Transactions jdbi, String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM " + table)
                .mapToMap()
                .map(DatabaseSnapshot::rowText)
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    private static String rowText(Map<String, Object> row) {
        return new TreeMap<>(row)
                .entrySet().stream()
                        .map(column -> column.getKey() + "=" + valueText(column.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String valueText(Object value) {
        if (value instanceof byte[] bytes) return HexFormat.of().formatHex(bytes);
        if (value instanceof Object[] array) return Arrays.toString(array);
        return String.valueOf(value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
