package tochka.acquiring.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tochka.acquiring.server.testing.Reference;

/**
 * The bank's error body ({@code #/components/schemas/ErrorResponse} of the bank's OpenAPI document) as an oracle
 * for answers the spec has no operation or status for: unknown routes, our control and admin API, 405, 413, 415.
 * A body passes when it is that schema's JSON and its {@code code} is the HTTP status.
 */
public final class ErrorSchema {

    private static final String SPEC = "tochka-openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ErrorSchema loaded;

    private final JsonSchema schema;

    private ErrorSchema() {
        JsonNode document;
        try {
            document = JSON.readTree(Reference.text(SPEC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        JsonSchema whole = JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012, factory -> factory.metaSchema(dialect))
                .getSchema(SchemaLocation.of(Reference.uri(SPEC).toString()), document);
        schema = whole.getSubSchema(SchemaLocation.Fragment.of("/components/schemas/ErrorResponse"));
    }

    public static synchronized ErrorSchema load() {
        if (loaded == null) loaded = new ErrorSchema();
        return loaded;
    }

    /** Why {@code body} is not the bank's error body for {@code status}, or empty when it is. */
    public Optional<String> violation(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("not JSON: " + clip(body));
        }
        if (json == null || !json.isObject()) return Optional.of("not a JSON object: " + clip(body));
        Set<ValidationMessage> violations = schema.validate(json);
        if (!violations.isEmpty()) {
            return Optional.of(
                    violations.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + " in "
                            + clip(body));
        }
        if (!Integer.toString(status).equals(json.path("code").asText())) {
            return Optional.of("code " + json.path("code") + " is not the status " + status);
        }
        return Optional.empty();
    }

    private static String clip(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
