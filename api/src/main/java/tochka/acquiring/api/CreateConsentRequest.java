package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code ConsentCreateRequest}: {@code Risks} is a free object beside {@code Data}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateConsentRequest(
        @JsonProperty("Data") Data data,
        @JsonProperty("Risks") @Nullable Map<String, Object> risks) {

    /** {@code ConsentCreateRequestModel}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            @Nullable String status,
            @Nullable String creationDateTime,
            @Nullable String statusUpdateDateTime,
            List<Permission> permissions,
            @Nullable String expirationDateTime) {}
}
