package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code LinkModel} and {@code PaginatedLinkModel}: only {@code self} is always present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Links(String self, String first, String prev, String next, String last) {

    public static Links self(String self) {
        return new Links(self, null, null, null, null);
    }
}
