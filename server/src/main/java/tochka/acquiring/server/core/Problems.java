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

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws {@link Rejected#invalid} when any problem was recorded. */
    public void throwIfAny() {
        if (!problems.isEmpty()) throw Rejected.invalid(problems);
    }
}
