package tochka.acquiring.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Builds a path relative to the base URL: ids percent-encoded into segments, a query from name-value pairs. */
final class Paths {

    private final StringBuilder path;
    private final StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");

    private Paths(String start) {
        this.path = new StringBuilder(start);
    }

    /** A path starting with {@code start} (no leading slash: it is resolved against the base URL). */
    static Paths of(String start) {
        return new Paths(start);
    }

    /** Appends {@code /<value>}, encoded; {@code what} names the value in the error for a blank one. */
    Paths segment(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) throw new IllegalArgumentException(what + " is blank");
        path.append('/').append(encode(value));
        return this;
    }

    /** Appends {@code /<literal>} as it is. */
    Paths then(String literal) {
        path.append('/').append(literal);
        return this;
    }

    /** Adds {@code name=value} to the query, unless {@code value} is null. */
    Paths query(String name, @Nullable Object value) {
        if (value != null) query.add(name + "=" + encode(value.toString()));
        return this;
    }

    @Override
    public String toString() {
        return path.toString() + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
