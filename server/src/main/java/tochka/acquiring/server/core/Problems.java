package tochka.acquiring.server.core;

import java.util.ArrayList;
import java.util.List;

/** Collects every field problem of a request, so one 400 names them all. */
public final class Problems {

    private final List<String> problems = new ArrayList<>();

    /** Records that {@code field} {@code problem}, e.g. {@code add("Data.amount", "must be greater than 0")}. */
    public Problems add(String field, String problem) {
        problems.add(field + ": " + problem);
        return this;
    }

    /**
     * The 400 for a request that lacks {@code field} altogether, when nothing else can be checked without it: the
     * same body as {@code add(field, "field required").throwIfAny()}, but a value the caller throws, so the compiler
     * sees that nothing after it runs.
     */
    public static Rejected fieldRequired(String field) {
        return Rejected.invalid(new Problems().add(field, "field required").problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws {@link Rejected#invalid} when any problem was recorded. */
    public void throwIfAny() {
        if (!problems.isEmpty()) throw Rejected.invalid(problems);
    }
}
