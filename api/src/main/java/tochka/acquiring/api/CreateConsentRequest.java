package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code ConsentCreateRequest}: {@code Risks} is a free object beside {@code Data}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateConsentRequest(@JsonProperty("Data") Data data, @JsonProperty("Risks") Map<String, Object> risks) {

    /** {@code ConsentCreateRequestModel}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            String status,
            String creationDateTime,
            String statusUpdateDateTime,
            List<Permission> permissions,
            String expirationDateTime) {}
}
