package tochka.acquiring.server.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Shown;

/** Typed query parameters; each bad one is recorded in {@link Problems} under its own name. */
public final class QueryParams {

    private final Context ctx;
    private final Problems problems;

    public QueryParams(Context ctx, Problems problems) {
        this.ctx = ctx;
        this.problems = problems;
    }

    public String required(String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            problems.add(name, "query parameter required");
            return "";
        }
        return value;
    }

    public @Nullable String optional(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A {@code YYYY-MM-DD} date, as the bank's examples write them. */
    public @Nullable LocalDate date(String name, boolean required) {
        String value = required ? required(name) : optional(name);
        if (value == null || value.isEmpty()) return null;
        try {
            // Four-digit years only: LocalDate also reads "+999999999-12-31", beyond what time arithmetic can hold.
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}"))
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name, "must be a date YYYY-MM-DD, got " + Shown.quoted(value));
            return null;
        }
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String value = optional(name);
        if (value == null) return defaultValue;
        try {
            // ASCII digits only, and few of them: Integer.parseInt also reads full-width and other scripts' digits.
            if (value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException("not ASCII digits");
            }
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problems.add(name, "must be from " + min + " to " + max + ", got " + parsed);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name, "must be an integer, got " + Shown.quoted(value));
            return defaultValue;
        }
    }
}
