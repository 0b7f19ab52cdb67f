package tochka.acquiring.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * A response as a test sees it: the request's method and path (with its query), the status, the raw body, and the
 * body as a JSON tree.
 */
public record ApiResponse(String method, String path, int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as a JSON tree. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** {@code Data} of a success body. */
    public JsonNode data() {
        return json().get("Data");
    }

    /** Fails the test unless the status is {@code expected}; the message shows the request and the body. */
    public ApiResponse expectStatus(int expected) {
        if (status != expected) {
            throw new AssertionError("[%s %s answered %s] expected status %d but was %d"
                    .formatted(method, path, body, expected, status));
        }
        return this;
    }

    /**
     * Fails the test unless this is a bank error body ({@code code}, {@code id}, {@code Errors}) with {@code expected}
     * status whose message mentions each of {@code fragments}.
     */
    public ApiResponse expectError(int expected, String... fragments) {
        expectStatus(expected);
        JsonNode error = json();
        JsonNode code = error.path("code");
        if (!code.asText().equals(Integer.toString(expected))) {
            throw new AssertionError("error code " + code + " is not " + expected + " in " + body);
        }
        if (error.path("id").asText().isBlank()) throw new AssertionError("error without an id: " + body);
        JsonNode errors = error.path("Errors");
        if (errors.isMissingNode() || errors.isNull() || errors.isEmpty())
            throw new AssertionError("error without Errors: " + body);
        String message = error.path("message").asText();
        for (String fragment : fragments) {
            if (!message.contains(fragment)) {
                throw new AssertionError("error message \"" + message + "\" does not mention \"" + fragment + "\"");
            }
        }
        return this;
    }
}
