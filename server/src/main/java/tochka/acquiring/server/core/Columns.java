package tochka.acquiring.server.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How the stores keep values the schema has no type for: lists as comma-joined names, absent numbers as NULL. */
public final class Columns {

    private Columns() {}

    /** {@code values} as one column, e.g. {@code card,sbp}; the order is kept. */
    public static <T> String join(Collection<T> values, Function<T, String> name) {
        return values.stream().map(name).collect(Collectors.joining(","));
    }

    /** A column written by {@link #join}, read back in its order. */
    public static <T> List<T> split(String column, Function<String, T> parse) {
        return Arrays.stream(column.split(",", -1)).filter(name -> !name.isEmpty()).map(parse).toList();
    }

    public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    public static @Nullable Long toMillis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    public static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
