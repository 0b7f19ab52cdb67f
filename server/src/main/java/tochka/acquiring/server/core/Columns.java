package tochka.acquiring.server.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the stores keep a list the schema has no type for: comma-joined names in one column. Instants and money need
 * nothing here: {@code ColumnTypes} binds and maps them on every handle.
 */
public final class Columns {

    private Columns() {}

    /** {@code values} as one column, e.g. {@code card,sbp}; the order is kept. */
    public static <T> String join(Collection<T> values, Function<T, String> name) {
        return values.stream().map(name).collect(Collectors.joining(","));
    }

    /** A column written by {@link #join}, read back in its order. */
    public static <T> List<T> split(String column, Function<String, T> parse) {
        return Arrays.stream(column.split(",", -1))
                .filter(name -> !name.isEmpty())
                .map(parse)
                .toList();
    }
}
