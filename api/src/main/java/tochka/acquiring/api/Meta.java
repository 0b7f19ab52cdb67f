package tochka.acquiring.api;

/** {@code MetaModel}. */
public record Meta(int totalPages) {}
