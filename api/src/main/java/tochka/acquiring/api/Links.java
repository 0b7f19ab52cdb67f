package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** {@code LinkModel} and {@code PaginatedLinkModel}: only {@code self} is always present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Links(
        String self,
        @Nullable String first,
        @Nullable String prev,
        @Nullable String next,
        @Nullable String last) {

    public static Links self(String self) {
        return new Links(self, null, null, null, null);
    }
}
