package tochka.acquiring.server.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tochka.acquiring.server.testing.Reference;

/**
 * The bank's OpenAPI document as a test oracle: tells whether the spec knows a request and checks a response body
 * against the JSON schema the spec declares for its status. The spec is the repository's copy of the bank's document
 * ({@code reference/tochka-openapi.json}), read from the classpath once per JVM.
 */
public final class OpenApiContract {

    /** Our server mounts the bank's API under these prefixes; the spec's paths have none. */
    private static final List<String> PREFIXES = List.of("/uapi", "/sandbox/v2");
    /** Our server keeps consents at their historical path too; the spec files them under {@code /consent}. */
    private static final String LEGACY_CONSENTS = "/v1.0/consents";

    private static final String CONSENTS = "/consent" + LEGACY_CONSENTS;
    private static final int BODY_LIMIT = 2000;
    private static final String SPEC = "tochka-openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenApiContract loaded;

    private final JsonNode document;
    /** Most literal first, so {@code /a/b} wins over {@code /a/{x}}. */
    private final List<PathTemplate> templates;

    private final JsonSchema documentSchema;
    private final Map<String, JsonSchema> responseSchemas = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try {
            document = JSON.readTree(Reference.text(SPEC));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse reference/" + SPEC, e);
        }
        templates = document.get("paths").properties().stream()
                .map(path -> new PathTemplate(path.getKey(), path.getValue()))
                .sorted(Comparator.comparingLong(PathTemplate::parameterCount))
                .toList();
        documentSchema = schemaFactory()
                .getSchema(SchemaLocation.of(Reference.uri(SPEC).toString()), document, assertingFormats());
    }

    /** The spec, read on first use. */
    public static synchronized OpenApiContract load() {
        if (loaded == null) loaded = new OpenApiContract();
        return loaded;
    }

    /** Whether the spec has an operation for {@code method} on {@code path} (as sent to our server). */
    public boolean covers(String method, String path) {
        return operation(method, path).isPresent();
    }

    /**
     * Checks {@code body} against the schema the spec declares for {@code status} of this operation.
     *
     * @throws AssertionError naming every violation, or when the spec has no such operation or status
     */
    public void validate(String method, String path, int status, String body) {
        String call = method + " " + path + " -> " + status;
        String operation = operation(method, path)
                .orElseThrow(() -> new AssertionError("the spec has no operation for " + method + " " + path));
        String schemaPointer = operation + "/responses/" + status + "/content/application~1json/schema";
        if (document.at(schemaPointer).isMissingNode()) {
            throw new AssertionError("the spec declares no application/json response for " + call);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(call + ": body is not JSON (" + e.getOriginalMessage() + ")\n" + clip(body));
        }
        Set<ValidationMessage> violations = responseSchemas
                .computeIfAbsent(
                        schemaPointer, pointer -> documentSchema.getSubSchema(SchemaLocation.Fragment.of(pointer)))
                .validate(json);
        if (!violations.isEmpty()) {
            throw new AssertionError(call + " breaks the spec:\n"
                    + violations.stream().map(v -> "  " + v.getMessage()).collect(Collectors.joining("\n"))
                    + "\nbody: " + clip(body));
        }
    }

    /** The JSON pointer of the spec's operation object for this request, if any. */
    private Optional<String> operation(String method, String requestPath) {
        String[] segments = segments(specPath(requestPath));
        String verb = method.toLowerCase(Locale.ROOT);
        return templates.stream()
                .filter(template -> template.matches(segments))
                .findFirst()
                .filter(template -> template.operations.has(verb))
                .map(template -> "/paths/" + escape(template.path) + "/" + verb);
    }

    /** The request path without query, mount prefix or legacy spelling, as the spec writes it. */
    private static String specPath(String requestPath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix + "/")) path = path.substring(prefix.length());
        }
        if (path.equals(LEGACY_CONSENTS) || path.startsWith(LEGACY_CONSENTS + "/")) {
            path = CONSENTS + path.substring(LEGACY_CONSENTS.length());
        }
        return path;
    }

    private static String[] segments(String path) {
        return path.substring(1).split("/", -1);
    }

    /** JSON-pointer escaping of one reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String clip(String body) {
        return body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT) + "…";
    }

    /**
     * JSON Schema 2020-12, the dialect of OpenAPI 3.1. The schema root is the whole OpenAPI document, so that
     * {@code #/components/schemas/...} references resolve; its non-schema members ({@code openapi}, {@code paths}, ...)
     * and OpenAPI's own keywords ({@code example}, {@code discriminator}) are kept as annotations, without the
     * library's warning for each.
     */
    private static JsonSchemaFactory schemaFactory() {
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, factory -> factory.metaSchema(dialect));
    }

    /** In 2020-12 {@code format} only annotates; the bank's {@code uri}, {@code email}, {@code date}s must hold. */
    private static SchemaValidatorsConfig assertingFormats() {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    /** A spec path split into segments, where a {@code {param}} segment matches any one request segment. */
    private static final class PathTemplate {

        private final String path;
        private final JsonNode operations;
        private final String[] segments;

        PathTemplate(String path, JsonNode operations) {
            this.path = path;
            this.operations = operations;
            this.segments = segments(path);
        }

        long parameterCount() {
            return Arrays.stream(segments).filter(PathTemplate::isParameter).count();
        }

        boolean matches(String[] request) {
            if (request.length != segments.length) return false;
            for (int i = 0; i < segments.length; i++) {
                boolean fits = isParameter(segments[i]) ? !request[i].isEmpty() : segments[i].equals(request[i]);
                if (!fits) return false;
            }
            return true;
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }
}
