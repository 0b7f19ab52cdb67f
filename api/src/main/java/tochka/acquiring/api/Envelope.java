package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The bank's success body: {@code {"Data": ..., "Links": ..., "Meta": ...}}. */
public record Envelope<T>(
        @JsonProperty("Data") T data,
        @JsonProperty("Links") Links links,
        @JsonProperty("Meta") Meta meta) {

    /** A single-page body whose {@code Links.self} is {@code self}. */
    public static <T> Envelope<T> of(T data, String self) {
        return new Envelope<>(data, Links.self(self), new Meta(1));
    }
}
