package tochka.acquiring.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.Reference;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** The front door over HTTP: the landing page, the two published OpenAPI documents and the API page's files. */
class SiteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    @Test
    void the_bank_document_points_at_this_server_and_lists_only_what_it_implements() throws Exception {
        JsonNode document =
                JSON.readTree(pages().get("/openapi.json").expectStatus(200).body());

        String root = server.info().publicUrl();
        assertThat(document.get("servers").findValuesAsText("url"))
                .containsExactly(root + "/uapi", root + "/sandbox/v2");
        assertThat(document.at("/info/version").asText())
                .isEqualTo(JSON.readTree(Reference.text("tochka-openapi.json"))
                        .at("/info/version")
                        .asText());
        assertThat(document.at("/components/securitySchemes/JWT/scheme").asText())
                .isEqualTo("bearer");
        List<String> operations = operations(document);
        assertThat(document.at("/info/description").asText())
                .contains("trimmed to the " + operations.size() + " operations this server implements");
        assertThat(operations)
                .contains(
                        "post /acquiring/v1.0/payments",
                        "get /acquiring/v1.0/payments/{operationId}",
                        "post /acquiring/v1.0/payments/{operationId}/refund",
                        "put /webhook/v1.0/{client_id}",
                        "get /open-banking/v1.0/customers")
                .doesNotContain("post /acquiring/v1.0/subscriptions", "get /open-banking/v1.0/accounts");
        for (String operation : operations) {
            String[] methodAndPath = operation.split(" ");
            JsonNode security =
                    document.at("/paths/" + pointer(methodAndPath[1]) + "/" + methodAndPath[0] + "/security");
            assertThat(security.findValues("JWT"))
                    .as("%s accepts the bearer scheme", operation)
                    .hasSize(1);
        }
    }

    @Test
    void every_published_operation_is_served_under_both_prefixes() throws Exception {
        JsonNode document = JSON.readTree(pages().get("/openapi.json").body());
        for (String operation : operations(document)) {
            String method = operation.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
            String path = operation.split(" ")[1].replaceAll("\\{[^}]+}", "unknown");
            for (ApiClient client : List.of(server.api(), server.sandbox())) {
                ApiResponse response = client.send(method, path, method.equals("GET") ? null : "{}");
                // Unknown ids may well be a 404, but never the router's "no such endpoint".
                assertThat(response.body()).as("%s %s", method, path).doesNotContain("Endpoint ");
                assertThat(response.status())
                        .as("%s %s", method, path)
                        .isNotEqualTo(405)
                        .isLessThan(500);
            }
        }
    }

    @Test
    void the_control_document_describes_routes_that_exist_and_want_the_admin_token() throws Exception {
        JsonNode document = JSON.readTree(
                pages().get("/openapi-control.json").expectStatus(200).body());
        ApiClient anonymous = server.admin().withAuthorization(null);
        for (String operation : operations(document)) {
            String method = operation.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
            String path = operation.split(" ")[1].replaceAll("\\{[^}]+}", "unknown");
            ApiResponse response = anonymous.send(method, path, method.equals("GET") ? null : "{}");
            if (path.equals("/health")) response.expectStatus(200);
            else response.expectError(403, "admin token");
        }
    }

    @Test
    void the_landing_page_links_to_the_docs_health_public_key_and_control() {
        PageClient.Page landing = pages().get("/").expectStatus(200);

        assertThat(landing.header("Content-Type")).startsWith("text/html");
        assertThat(landing.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(landing.body())
                .contains(
                        "href=\"/docs\"",
                        "href=\"/health\"",
                        "href=\"/.well-known/jwks.json\"",
                        "href=\"/openapi.json\"",
                        "/docs?urls.primaryName=control",
                        "TEST",
                        "No real money moves",
                        server.info().apiUrl());
        for (String link :
                List.of("/docs", "/health", "/.well-known/jwks.json", "/openapi.json", "/openapi-control.json")) {
            pages().get(link).expectStatus(200);
        }
    }

    @Test
    void the_docs_page_loads_swagger_ui_from_this_server_only() {
        PageClient.Page docs = pages().get("/docs").expectStatus(200);

        assertThat(docs.body())
                .contains("/site/assets/swagger-ui-bundle.js", "/site/assets/docs.js")
                .doesNotContain("https://", "http://");
        for (String asset : List.of(
                "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "docs.js", "site.css")) {
            assertThat(pages().get("/site/assets/" + asset).expectStatus(200).body())
                    .isNotEmpty();
        }
        pages().get("/site/assets/index.html").expectStatus(404);
        pages().get("/site/assets/swagger-initializer.js").expectStatus(404);
        pages().get("/site/assets/..%2F..%2Freference%2Ftochka-openapi.json").expectStatus(404);
    }

    @Test
    void a_file_carries_its_type_caching_and_etag_and_a_matching_if_none_match_gets_304() throws Exception {
        URI css = URI.create(server.info().publicUrl() + "/site/assets/site.css");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> first = http.send(HttpRequest.newBuilder(css).build(), BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        assertThat(first.body()).isNotEmpty();

        HttpResponse<String> again = http.send(
                HttpRequest.newBuilder(css)
                        .header("If-None-Match", "\"other\", " + etag)
                        .build(),
                BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> changed = http.send(
                HttpRequest.newBuilder(css)
                        .header("If-None-Match", "W/\"other\"")
                        .build(),
                BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(first.body());

        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(css)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        assertThat(head.body()).isEmpty();
    }

    private PageClient pages() {
        return new PageClient(server.info().publicUrl());
    }

    /** Every operation of {@code document} as {@code "get /path"}. */
    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) operations.add(method + " " + path.getKey());
            }
        });
        return operations;
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
