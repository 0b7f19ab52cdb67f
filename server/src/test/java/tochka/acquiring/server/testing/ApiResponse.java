package tochka.acquiring.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;


/** A response as a test sees it: status, raw body, and the body as a JSON tree. */
public record ApiResponse(String method, String path, int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** {@code Data} of a success body. */
    public JsonNode data() {
        return json().get("Data");
    }

    public ApiResponse expectStatus(int expected) {
        assertThat(status).as("%s %s answered %s", method, path, body).isEqualTo(expected);
        return this;
    }

    /** Asserts a bank error body with {@code expected} status whose message mentions each of {@code fragments}. */
    public ApiResponse expectError(int expected, String... fragments) {
        expectStatus(expected);
        JsonNode error = json();
        assertThat(error.get("code").asText()).isEqualTo(Integer.toString(expected));
        assertThat(error.get("id").asText()).isNotBlank();
        assertThat(error.get("Errors")).isNotEmpty();
        for (String fragment : fragments) assertThat(error.get("message").asText()).contains(fragment);
        return this;
    }
}
