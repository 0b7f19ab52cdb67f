package tochka.acquiring.api;

/** {@code BooleanResponse}: {@code {"result": true}}. */
public record BooleanResult(boolean result) {}
