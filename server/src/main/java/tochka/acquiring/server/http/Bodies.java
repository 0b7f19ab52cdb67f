package tochka.acquiring.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import tochka.acquiring.server.service.Rejected;

/** Reads request bodies; every way a body can be wrong becomes a 400 that names the field and what was expected. */
final class Bodies {

    private final ObjectMapper json;

    Bodies(ObjectMapper json) {
        this.json = json;
    }

    <T> T read(Context ctx, TypeReference<T> type) {
        String body = ctx.body();
        if (body.isBlank()) throw Rejected.invalid("request body: empty; expected a JSON object");
        try {
            T value = json.readValue(body, type);
            if (value == null) throw Rejected.invalid("request body: null; expected a JSON object");
            return value;
        } catch (DatabindException e) {
            // A syntax error inside a nested object reaches us wrapped in a mapping exception.
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof DatabindException)) {
                throw malformed(syntax);
            }
            throw Rejected.invalid(describe(e));
        } catch (StreamConstraintsException e) {
            throw Rejected.invalid("request body: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static Rejected malformed(JsonProcessingException e) {
        String reason = firstLine(e.getOriginalMessage());
        int detail = reason.indexOf(" (start marker");
        return Rejected.invalid("request body: malformed JSON: " + (detail < 0 ? reason : reason.substring(0, detail))
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr()));
    }

    private String describe(DatabindException e) {
        String field = path(e instanceof JsonMappingException mapping ? mapping.getPath() : List.of());
        if (e instanceof InvalidFormatException format) {
            return field + ": " + expected(format.getTargetType()) + ", got " + shown(format.getValue());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return field + ": " + expected(mismatch.getTargetType());
        }
        return field + ": " + firstLine(e.getOriginalMessage());
    }

    private String expected(Class<?> type) {
        if (type.isEnum()) {
            List<String> values = Arrays.stream(type.getEnumConstants())
                    .map(constant -> json.convertValue(constant, String.class))
                    .toList();
            return "must be one of " + values;
        }
        if (type == BigDecimal.class || type == Double.class) return "must be a number";
        if (type == Integer.class || type == int.class || type == Long.class || type == BigInteger.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) return "must be a boolean";
        if (type == String.class) return "must be a string";
        if (List.class.isAssignableFrom(type)) return "must be an array";
        return "must be a JSON object";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) path.append('.');
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "request body" : path.toString();
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
