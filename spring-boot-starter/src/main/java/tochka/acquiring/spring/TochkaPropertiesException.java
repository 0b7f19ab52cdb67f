package tochka.acquiring.spring;

import java.util.Objects;

/**
 * A {@code tochka.*} property is missing or wrong, so the application cannot start; Spring Boot prints it as a
 * "description" and an "action" rather than a stack trace.
 */
public final class TochkaPropertiesException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    /** The property {@code property} is wrong as {@code problem} says; {@code action} tells how to fix it. */
    public TochkaPropertiesException(String property, String problem, String action) {
        super(Objects.requireNonNull(property, "property") + ": " + Objects.requireNonNull(problem, "problem"));
        this.property = property;
        this.action = Objects.requireNonNull(action, "action");
    }

    /** The property's name, e.g. {@code tochka.token}. */
    public String property() {
        return property;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
