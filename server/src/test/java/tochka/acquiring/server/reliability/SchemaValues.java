package tochka.acquiring.server.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A plausible instance of an OpenAPI schema: the spec's own example where it has one of the right type, else the
 * smallest value that fits (first enum value, minimum, a short string). Fields named in {@code known} take the
 * value given there (a real customerCode, merchantId), so that the unmutated request reaches the server's logic.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private final JsonNode document;
    private final Map<String, JsonNode> known;

    SchemaValues(JsonNode document, Map<String, JsonNode> known) {
        this.document = document;
        this.known = known;
    }

    /** The schema with its {@code $ref}s, {@code allOf} and nullable {@code anyOf} followed. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.has("$ref")) {
                current = document.at(current.get("$ref").asText().substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else if (current.has("anyOf") || current.has("oneOf")) {
                JsonNode choices = current.has("anyOf") ? current.get("anyOf") : current.get("oneOf");
                JsonNode chosen = choices.get(0);
                for (JsonNode choice : choices) {
                    if (!"null".equals(choice.path("type").asText())) {
                        chosen = choice;
                        break;
                    }
                }
                current = chosen;
            } else {
                return current;
            }
        }
        return current;
    }

    JsonNode instance(JsonNode schema) {
        return instance(schema, 0);
    }

    private JsonNode instance(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        JsonNode example = example(raw).isMissingNode() ? example(schema) : example(raw);
        if (schema.has("enum")) return schema.get("enum").get(0);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth >= MAX_DEPTH) return object;
                schema.path("properties")
                        .properties()
                        .forEach(property -> object.set(
                                property.getKey(),
                                known.containsKey(property.getKey())
                                        ? known.get(property.getKey())
                                        : instance(property.getValue(), depth + 1)));
                return object;
            }
            case "array" -> {
                if (example.isArray()) return example;
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) array.add(instance(schema.path("items"), depth + 1));
                return array;
            }
            case "integer" -> {
                if (example.canConvertToExactIntegral()) return NODES.numberNode(example.asLong());
                return NODES.numberNode(schema.path("minimum").asLong(1));
            }
            case "number" -> {
                try {
                    if (!example.isMissingNode()) return NODES.numberNode(new BigDecimal(example.asText()));
                } catch (NumberFormatException e) {
                    // an example of another type: fall through to a plain one
                }
                return NODES.numberNode(new BigDecimal("10"));
            }
            case "boolean" -> {
                return example.isBoolean() ? example : NODES.booleanNode(false);
            }
            default -> {
                if (example.isTextual()) return example;
                return switch (schema.path("format").asText()) {
                    case "date-time" -> NODES.textNode("2030-01-20T10:00:00+03:00");
                    case "date" -> NODES.textNode("2030-01-20");
                    case "email" -> NODES.textNode("buyer@example.com");
                    case "uri" -> NODES.textNode("https://example.com");
                    default ->
                        NODES.textNode(
                                "x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
                };
            }
        }
    }

    private static JsonNode example(JsonNode schema) {
        if (schema.has("examples") && schema.get("examples").size() > 0)
            return schema.get("examples").get(0);
        if (schema.has("example")) return schema.get("example");
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
