package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The bank's error body: {@code {"code": "400", "id": "<uuid>", "message": ..., "Errors": [...]}}. */
public record ErrorBody(
        String code,
        String id,
        String message,
        @JsonProperty("Errors") List<ErrorDetail> errors) {

    public ErrorBody {
        errors = List.copyOf(errors);
    }

    /** One entry of {@code Errors[]}. */
    public record ErrorDetail(String errorCode, String message, String url) {}
}
