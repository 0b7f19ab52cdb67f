package tochka.acquiring.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.Shown;

/**
 * Reads request bodies; every way a body can be wrong becomes a 400 that names the field and what was expected.
 *
 * <p>The bank's spec declares {@code application/json} for every request body, so a body declared as anything else
 * (a multipart form, XML, text) is refused, as a 400: the spec has no 415. Two exceptions keep the usual clients
 * working: no {@code Content-Type} at all, and {@code application/x-www-form-urlencoded}, which {@code curl -d}
 * sends unless told otherwise (the README's own examples do); both bodies are read as JSON.
 */
public final class Bodies {

    private final ObjectMapper json;

    public Bodies(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(Context ctx, TypeReference<T> type) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !readsAsJson(contentType)) {
            throw Rejected.invalid("Content-Type: must be application/json, got " + Shown.quoted(contentType.strip()));
        }
        String body = ctx.body();
        if (body.isBlank()) throw Rejected.invalid("request body: empty; expected a JSON object");
        try (JsonParser parser = JsonInput.checked(json.createParser(body))) {
            T value = json.readValue(parser, type);
            if (value == null) throw Rejected.invalid("request body: null; expected a JSON object");
            return value;
        } catch (JsonInput.RefusedValue e) {
            throw Rejected.invalid(e.describe());
        } catch (DatabindException e) {
            if (e.getCause() instanceof JsonInput.RefusedValue refused) throw Rejected.invalid(refused.describe());
            // A syntax error inside a nested object reaches us wrapped in a mapping exception.
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof DatabindException)) {
                throw malformed(syntax);
            }
            throw Rejected.invalid(describe(e));
        } catch (StreamConstraintsException e) {
            throw Rejected.invalid("request body: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a request body from memory", e);
        }
    }

    private static boolean readsAsJson(String contentType) {
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return mime.equals("application/json")
                || (mime.startsWith("application/") && mime.endsWith("+json"))
                || mime.equals("application/x-www-form-urlencoded");
    }

    private static Rejected malformed(JsonProcessingException e) {
        String reason = firstLine(e.getOriginalMessage());
        int detail = reason.indexOf(" (start marker");
        return Rejected.invalid("request body: malformed JSON: " + (detail < 0 ? reason : reason.substring(0, detail))
                + (e.getLocation() == null
                        ? ""
                        : " at line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr()));
    }

    private String describe(DatabindException e) {
        String field = path(e instanceof JsonMappingException mapping ? mapping.getPath() : List.of());
        if (e instanceof InvalidFormatException format) {
            return field + ": " + expected(format.getTargetType()) + ", got " + Shown.quoted(format.getValue());
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

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
