package tochka.acquiring.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Builds a path relative to the base URL: ids percent-encoded into segments, a query from name-value pairs. */
final class Paths {

    /** The longest id put into a path: the bank's ids are far shorter, and a URL has its limits. */
    static final int MAX_SEGMENT = 256;

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
        // The URL resolver would take these as "this folder" and "the folder above", not as an id.
        if (value.equals(".") || value.equals("..")) throw new IllegalArgumentException(what + " is " + value);
        if (value.length() > MAX_SEGMENT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_SEGMENT + " characters");
        }
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
