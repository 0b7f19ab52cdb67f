package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A request body wrapped in {@code Data}, as every acquiring POST is. */
public record DataRequest<T>(@JsonProperty("Data") T data) {}
