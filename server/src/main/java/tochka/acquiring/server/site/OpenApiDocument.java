package tochka.acquiring.server.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tochka.acquiring.server.http.BankOperation;

/**
 * The bank's OpenAPI document as this server publishes it at {@code /openapi.json}: the bank's own text, trimmed to
 * the operations this server implements, with {@code servers} pointing at this instance's {@code /uapi} and
 * {@code /sandbox/v2}, and a bearer scheme beside the bank's OAuth one so that a browser can send a JWT key.
 */
public final class OpenApiDocument {

    /** Where the build puts the bank's document (from the repository's {@code reference/}). */
    static final String RESOURCE = "/reference/tochka-openapi.json";

    /** The name of the bearer scheme we add; the bank's own scheme is an OAuth 2.0 password flow. */
    static final String BEARER = "JWT";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocument() {}

    /** The bank's document for a server at {@code publicUrl} that implements {@code implemented}. */
    public static String forServer(ObjectMapper json, String publicUrl, Set<BankOperation> implemented) {
        ObjectNode document = bankDocument(json);
        document.set(
                "servers",
                json.valueToTree(List.of(
                        new Server(
                                publicUrl + "/uapi",
                                "This server: JWT keys it issued (tochka keys create, or demo.env)"),
                        new Server(
                                publicUrl + "/sandbox/v2",
                                "This server's sandbox: Bearer sandbox.jwt.token, its own companies"
                                        + " (customerCode 1234567ab), apart from /uapi's"))));
        int published = trimPaths((ObjectNode) document.get("paths"), implemented);
        ObjectNode schemes = ((ObjectNode) document.get("components")).withObjectProperty("securitySchemes");
        schemes.set(
                BEARER,
                json.createObjectNode()
                        .put("type", "http")
                        .put("scheme", "bearer")
                        .put("bearerFormat", "JWT")
                        .put(
                                "description",
                                "A JWT key of this server (TOCHKA_TOKEN in demo.env), or sandbox.jwt.token on"
                                        + " the sandbox server"));
        ObjectNode info = (ObjectNode) document.get("info");
        info.put(
                "description",
                "Published by tochka-acquiring, a test system where no real money moves: the bank's"
                        + " document " + info.path("version").asText() + ", trimmed to the " + published
                        + " operations this server implements. Authorize with the JWT scheme: paste your key (TOCHKA_TOKEN"
                        + " in data/demo.env) for the first server, or sandbox.jwt.token for the sandbox.\n\n"
                        + info.path("description").asText());
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    private record Server(String url, String description) {}

    /**
     * Keeps only the implemented operations, each also accepting the bearer scheme, and returns how many. The bank's
     * own {@code security} blocks stay: they name the permissions each call needs.
     */
    private static int trimPaths(ObjectNode paths, Set<BankOperation> implemented) {
        int kept = 0;
        for (String path : names(paths)) {
            ObjectNode item = (ObjectNode) paths.get(path);
            for (String method : names(item)) {
                if (!METHODS.contains(method)) continue;
                if (!implemented.contains(new BankOperation(method, path))) {
                    item.remove(method);
                    continue;
                }
                ObjectNode operation = (ObjectNode) item.get(method);
                ArrayNode security = operation.has("security")
                        ? (ArrayNode) operation.get("security")
                        : operation.putArray("security");
                security.addObject().putArray(BEARER);
                kept++;
            }
            if (names(item).stream().noneMatch(METHODS::contains)) paths.remove(path);
        }
        return kept;
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode bankDocument(ObjectMapper json) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            JsonNode document = json.readTree(in);
            return (ObjectNode) document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
