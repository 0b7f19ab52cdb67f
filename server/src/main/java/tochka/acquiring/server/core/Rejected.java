package tochka.acquiring.server.core;

import java.util.List;

/**
 * A request the server refuses, with every problem named. The HTTP layer turns the {@link Kind} into the bank's
 * status code and error body; nothing has been changed when this is thrown.
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
    private final List<String> problems;

    private Rejected(Kind kind, List<String> problems) {
        super(String.join("; ", problems));
        this.kind = kind;
        this.problems = List.copyOf(problems);
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

    public List<String> problems() {
        return problems;
    }
}
