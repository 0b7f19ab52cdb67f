package tochka.acquiring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * WireMock's static stubs of our endpoints, one mapping file each under {@code <root>/mappings}: the exact method
 * and path, or a path pattern; the status, Content-Type and body our server answered.
 */
public final class WireMockStubs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WireMockStubs() {}

    /** How a stub matches a request's path: exactly, or by a regular expression (WireMock's urlPathPattern). */
    public enum PathMatch {
        EXACT("urlPath"),
        PATTERN("urlPathPattern");

        private final String field;

        PathMatch(String field) {
            this.field = field;
        }
    }

    /** One captured answer of ours, and the requests it answers. */
    public record Stub(String name, String method, PathMatch match, String path, Captured answer) {}

    /** An answer as our server gave it. */
    public record Captured(int status, String contentType, String body) {}

    /** The mapping WireMock reads from a file, as JSON. */
    public static ObjectNode mapping(Stub stub) {
        ObjectNode mapping = JSON.createObjectNode();
        ObjectNode request = mapping.putObject("request");
        request.put("method", stub.method());
        request.put(stub.match().field, stub.path());
        ObjectNode response = mapping.putObject("response");
        response.put("status", stub.answer().status());
        response.putObject("headers").put("Content-Type", stub.answer().contentType());
        response.put("body", stub.answer().body());
        return mapping;
    }

    /** Writes every stub to {@code root/mappings/<name>.json}; {@code root} is then WireMock's --root-dir. */
    public static void write(Path root, List<Stub> stubs) throws IOException {
        Path mappings = Files.createDirectories(root.resolve("mappings"));
        Files.createDirectories(root.resolve("__files"));
        for (Stub stub : stubs) {
            JSON.writeValue(mappings.resolve(stub.name() + ".json").toFile(), mapping(stub));
        }
    }
}
