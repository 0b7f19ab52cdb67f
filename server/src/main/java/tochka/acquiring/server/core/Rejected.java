package tochka.acquiring.server.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request the server refuses, with every problem named. The HTTP layer turns the {@link Kind} into the bank's
 * status code and error body; nothing has been changed when this is thrown.
 *
 * <p>A service names the field a problem is about in its own terms ({@code customerCode}), through
 * {@link #invalid(String, String)} or {@link #notAllowed(String, String)}; the HTTP edge, which knows where that field
 * sits in the request, places it with {@link #at} ({@code Data.customerCode}). Services never write wire paths.
 */
public final class Rejected extends RuntimeException {

    /** Why: each maps to one HTTP status. */
    public enum Kind {
        /** A field is missing, malformed or out of range (400). */
        INVALID,
        /** The operation is not allowed in the payment's state, or the amount is too large (400). */
        NOT_ALLOWED,
        /** The key may not do this, or not for this company (403). */
        FORBIDDEN,
        /** No such thing among what the caller may see (404). */
        NOT_FOUND
    }

    private final Kind kind;
    private final @Nullable String field;
    private final List<String> problems;

    private Rejected(Kind kind, @Nullable String field, List<String> problems) {
        super(String.join(
                "; ",
                field == null
                        ? problems
                        : problems.stream().map(p -> field + ": " + p).toList()));
        this.kind = kind;
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    private Rejected(Kind kind, List<String> problems) {
        this(kind, null, problems);
    }

    /** {@code field} (a domain name such as {@code customerCode}) is wrong: {@code problem}. */
    public static Rejected invalid(String field, String problem) {
        return new Rejected(Kind.INVALID, field, List.of(problem));
    }

    /** {@code field} (a domain name such as {@code amount}) does not allow the operation: {@code problem}. */
    public static Rejected notAllowed(String field, String problem) {
        return new Rejected(Kind.NOT_ALLOWED, field, List.of(problem));
    }

    public static Rejected invalid(List<String> problems) {
        return new Rejected(Kind.INVALID, problems);
    }

    public static Rejected invalid(String problem) {
        return new Rejected(Kind.INVALID, List.of(problem));
    }

    public static Rejected notAllowed(String problem) {
        return new Rejected(Kind.NOT_ALLOWED, List.of(problem));
    }

    public static Rejected forbidden(String problem) {
        return new Rejected(Kind.FORBIDDEN, List.of(problem));
    }

    public static Rejected notFound(String problem) {
        return new Rejected(Kind.NOT_FOUND, List.of(problem));
    }

    public Kind kind() {
        return kind;
    }

    /** The field the problems are about, in the service's terms, if they are about one. */
    public @Nullable String field() {
        return field;
    }

    /**
     * The problems as the caller reads them: each after its field when there is one ({@code amount: must be ...}).
     */
    public List<String> problems() {
        String named = field;
        return named == null
                ? problems
                : problems.stream().map(problem -> named + ": " + problem).toList();
    }

    /**
     * This rejection with its field placed where the request carries it, {@code path + "." + field}
     * ({@code Data.customerCode}); unchanged when it names no field.
     */
    public Rejected at(String path) {
        return field == null ? this : new Rejected(kind, path + "." + field, problems);
    }
}
