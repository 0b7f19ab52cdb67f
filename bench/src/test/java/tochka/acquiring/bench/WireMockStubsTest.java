package tochka.acquiring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireMockStubsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockStubs.Captured INFO = new WireMockStubs.Captured(
            200, "application/json;charset=utf-8", "{\"Data\":{\"Operation\":[{\"status\":\"CREATED\"}]}}");

    @Test
    void an_exact_stub_matches_method_and_path_and_answers_the_captured_body() throws IOException {
        JsonNode mapping = JSON.readTree(JSON.writeValueAsString(WireMockStubs.mapping(new WireMockStubs.Stub(
                "health",
                "GET",
                WireMockStubs.PathMatch.EXACT,
                "/health",
                new WireMockStubs.Captured(200, "text/plain", "ok")))));

        assertThat(mapping)
                .isEqualTo(JSON.readTree("{\"request\": {\"method\": \"GET\", \"urlPath\": \"/health\"},"
                        + " \"response\": {\"status\": 200, \"headers\": {\"Content-Type\": \"text/plain\"},"
                        + " \"body\": \"ok\"}}"));
    }

    @Test
    void a_pattern_stub_uses_url_path_pattern_so_any_operation_id_matches() {
        JsonNode request = WireMockStubs.mapping(new WireMockStubs.Stub(
                        "info", "GET", WireMockStubs.PathMatch.PATTERN, "/uapi/acquiring/v1.0/payments/[^/]+", INFO))
                .get("request");

        assertThat(request.get("urlPathPattern").asText()).isEqualTo("/uapi/acquiring/v1.0/payments/[^/]+");
        assertThat(request.has("urlPath")).isFalse();
    }

    @Test
    void writes_one_mapping_file_per_stub_under_the_root(@TempDir Path root) throws IOException {
        WireMockStubs.write(
                root,
                List.of(new WireMockStubs.Stub(
                        "info", "GET", WireMockStubs.PathMatch.PATTERN, "/uapi/acquiring/v1.0/payments/[^/]+", INFO)));

        JsonNode written = JSON.readTree(Files.readString(root.resolve("mappings/info.json")));
        assertThat(written.at("/response/body").asText()).isEqualTo(INFO.body());
        assertThat(written.at("/response/headers/Content-Type").asText()).isEqualTo(INFO.contentType());
        assertThat(written.at("/response/status").asInt()).isEqualTo(200);
    }
}
