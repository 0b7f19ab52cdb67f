package tochka.acquiring.server.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Malformed, boundary and hostile variants of a {@link Target}'s good request, one per call, chosen by a random
 * source the caller seeds: the same seed and index give the same bytes. Requests are written as byte strings (each
 * char one byte, ISO-8859-1), so that bytes that are not UTF-8 reach the server as sent.
 */
final class HostileRequests {

    /**
     * What a variant attacks. Families whose failures await a fix elsewhere can be run apart (see {@code FuzzIT}).
     */
    enum Family {
        /** The good request, unchanged: keeps the success paths in the mix. */
        VALID,
        /** One body field replaced by a value of the wrong type, out of range, too long, or full of odd characters. */
        BODY_VALUES,
        /** Numbers whose exponent or digits are absurd: {@code 1e999999999}, {@code 1e2147483647} (finding 2). */
        BIG_NUMBERS,
        /** A NUL character in a body field, the path or a query parameter (finding 7, on PostgreSQL). */
        NUL,
        /** {@code null} as an array element: {@code Items: [null]} (finding 7). */
        NULL_ELEMENTS,
        /** Fields removed, added, duplicated, everything null, the whole body replaced, truncated, bytes garbled. */
        BODY_SHAPE,
        /** The body sent with a content type other than JSON (finding 9 says: 415). */
        CONTENT_TYPE,
        /** A page's form fields garbled, URL-encoding broken, multipart bodies with a broken boundary (finding 7). */
        FORM,
        /** Path ids: long, {@code ..}, encoded slashes, bytes that are not UTF-8, unicode, line breaks. */
        PATH_IDS,
        /** Query parameters out of range, of the wrong type, repeated, missing. */
        QUERY,
        /** Percent-escapes that decode to nothing or to bytes that are not UTF-8, raw such bytes, in path or query. */
        URI_ENCODING,
        /** Every method on every path, including ones HTTP does not know. */
        METHODS,
        /** Huge, many, duplicate and broken headers; odd HTTP versions (finding 9: Jetty's own pages are HTML). */
        HEADERS,
        /** Broken chunked framing and bodies cut short (finding 7). */
        FRAMING,
        /** Missing, malformed and misplaced credentials. */
        AUTH
    }

    /** One request as bytes, with how to send it and how to show it in a report. */
    @SuppressWarnings("ArrayRecordComponent") // bytes as sent; compared by no one, shown by describe()
    record Request(
            long index,
            Target target,
            Family family,
            String mutation,
            String method,
            String requestTarget,
            byte[] bytes,
            boolean lastOnConnection,
            boolean halfClose) {

        /** The request line and what was done to it, printable on one line. */
        String describe() {
            String head = printable(new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1));
            return "#" + index + " [" + family + "/" + mutation + "] " + target.name() + ": " + head
                    + (bytes.length > 600 ? "... (" + bytes.length + " bytes)" : "");
        }

        /** The path as the server sees its start, to tell API from pages. */
        String pathForChecks() {
            String decoded = requestTarget;
            int query = decoded.indexOf('?');
            return query < 0 ? decoded : decoded.substring(0, query);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRLF = "\r\n";
    private static final Pattern RAW = Pattern.compile("\"RAW(\\d+)\"");
    private static final Pattern DUPLICATE = Pattern.compile("\"DUP(\\d+)\":");

    /** JSON values as they go on the wire: wrong types, boundaries, oddities (big numbers and NUL apart). */
    private static final List<String> VALUES = List.of(
            "null",
            "true",
            "false",
            "0",
            "-0",
            "-0.0",
            "1",
            "-1",
            "0.001",
            "0.005",
            "1.999",
            "1e3",
            "1E+2",
            "-1e-7",
            "2147483648",
            "9223372036854775808",
            "12345678901234567890",
            "-12345678901234567890",
            "99999999999999999999.99",
            "4.9e-324",
            "1.7976931348623157e308",
            "\"NaN\"",
            "\"Infinity\"",
            "\"-Infinity\"",
            "\"0x10\"",
            "\"10,5\"",
            "\"10.\"",
            "\".5\"",
            "\" 10\"",
            "\"+10\"",
            "\"１０\"",
            "\"١٠\"",
            "\"\"",
            "\" \"",
            "\"\\t\"",
            "\"\\ud800\"",
            "\"x\\udfffy\"",
            "\"\\ud83d\\ude00\"",
            "\"\\u0007\\u001b[31mred\"",
            "\"line\\nERROR forged line\\r\\n\"",
            "\"\\u202eevil\"",
            "\"😀\"",
            "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"",
            "\"' OR 1=1 --\"",
            "\"%00%0a\"",
            "\"2030-02-30\"",
            "\"0000-00-00\"",
            "\"9999-12-31T23:59:59+14:00\"",
            "\"+999999999-12-31T00:00:00+00:00\"",
            "\"-999999999-01-01\"",
            "\"javascript:alert(1)\"",
            "\"http://[::1\"",
            "[]",
            "{}",
            "[[[]]]",
            "{\"a\":1}",
            "[\"card\",\"card\"]",
            "[\"CARD\"]",
            "\"card\"",
            "300000092",
            "\"300000093\"",
            "\"000000000\"");

    private static final List<String> BIG_NUMBERS = List.of(
            "1e999999999",
            "-1e999999999",
            "1e-999999999",
            "1e2147483647",
            "1e-2147483648",
            "1E2147483648",
            "0.0e999999999",
            "1" + "0".repeat(5000),
            "0." + "0".repeat(5000) + "1",
            "\"1e999999999\"",
            "\"1e2147483647\"");
    private static final List<String> NULS = List.of(
            "\"\\u0000\"",
            "\"https://example.com/\\u0000\"",
            "\"a\\u0000b\"",
            "\"300000092\\u0000\"",
            "\"\\u0000\\u0000\\u0000\"");
    /** Raw bytes inside a JSON string: not UTF-8, or control characters JSON forbids unescaped. */
    private static final List<String> RAW_BYTES = List.of(
            "\"\u00c3(\"",
            "\"\u00ff\u00fe\"",
            "\"\u00ed\u00a0\u0080\"",
            "\"\u00c0\u00af\"",
            "\"\u00f8\u0088\u0080\u0080\u0080\"",
            "\"a\u0001b\"",
            "\"a\nb\"",
            "\"\u0000\"",
            "\"\u00e2\u0082\"");

    private static final List<String> METHODS = List.of(
            "GET",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "HEAD",
            "OPTIONS",
            "TRACE",
            "PROPFIND",
            "FOO",
            "get",
            "M-SEARCH",
            "X".repeat(300));
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "text/html",
            // Not application/x-www-form-urlencoded: what curl -d sends is read as JSON by design (behaviour.md).
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json; charset=utf-16",
            "application/json; charset=koi8-r",
            "application/octet-stream",
            "*/*",
            "application/",
            ";;;",
            "application/json\u0000",
            "application/javascript",
            "");

    private final SplittableRandom random;
    private final List<String> raw = new ArrayList<>();

    private HostileRequests(SplittableRandom random) {
        this.random = random;
    }

    /** The {@code index}th request of the run seeded with {@code seed}: a variant of one of {@code families}. */
    static Request generate(long seed, long index, Target target, Set<Family> families, String host) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        return new HostileRequests(random).build(index, target, families, host);
    }

    /** The families that make sense for {@code target}. */
    static Set<Family> applicable(Target target) {
        Set<Family> families = EnumSet.of(Family.VALID, Family.METHODS, Family.HEADERS, Family.FRAMING, Family.NUL);
        if (target.bodyKind() == Target.BodyKind.JSON) {
            families.addAll(EnumSet.of(Family.BODY_VALUES, Family.BIG_NUMBERS, Family.BODY_SHAPE, Family.CONTENT_TYPE));
            if (containsArray(target.body())) families.add(Family.NULL_ELEMENTS);
        }
        if (target.bodyKind() == Target.BodyKind.FORM) families.add(Family.FORM);
        if (!target.pathValues().isEmpty()) families.add(Family.PATH_IDS);
        if (!target.query().isEmpty()) families.add(Family.QUERY);
        if (!target.query().isEmpty() || !target.pathValues().isEmpty()) families.add(Family.URI_ENCODING);
        if (target.headers().stream().anyMatch(header -> header.startsWith("Authorization:"))) {
            families.add(Family.AUTH);
        }
        return families;
    }

    private Request build(long index, Target target, Set<Family> allowed, String host) {
        List<Family> choices =
                applicable(target).stream().filter(allowed::contains).toList();
        if (choices.isEmpty()) choices = List.of(Family.VALID);
        Family family = choices.get(random.nextInt(choices.size()));
        Draft draft = new Draft(target);
        String mutation = switch (family) {
            case VALID -> "valid";
            case BODY_VALUES ->
                replaceValue(
                        draft,
                        random.nextInt(20) == 0 ? longString() : pick(random.nextInt(4) == 0 ? RAW_BYTES : VALUES),
                        "value");
            case BIG_NUMBERS -> replaceValue(draft, pick(BIG_NUMBERS), "big number");
            case NUL -> nul(draft);
            case NULL_ELEMENTS -> nullElements(draft);
            case BODY_SHAPE -> shape(draft);
            case CONTENT_TYPE -> {
                draft.contentType = pick(CONTENT_TYPES);
                yield "content type " + printable(draft.contentType);
            }
            case FORM -> form(draft);
            case PATH_IDS -> pathId(draft);
            case QUERY -> query(draft);
            case URI_ENCODING -> uriEncoding(draft);
            case METHODS -> {
                draft.method = pick(METHODS);
                yield "method " + printable(draft.method.length() > 20 ? "X*300" : draft.method);
            }
            case HEADERS -> headers(draft);
            case FRAMING -> framing(draft);
            case AUTH -> auth(draft);
        };
        return draft.toRequest(index, family, mutation, host);
    }

    // ---- body values --------------------------------------------------------------------------------------------

    private String replaceValue(Draft draft, String value, String what) {
        List<String> pointers = pointers(draft.json, "");
        if (pointers.isEmpty()) {
            draft.bodyText = value;
            return what + " as the whole body";
        }
        String pointer = pick(pointers);
        set(draft.json, pointer, marker(value));
        return what + " " + printable(clip(value)) + " at " + pointer;
    }

    private String nul(Draft draft) {
        int where = random.nextInt(3);
        if (where == 0 && draft.json != null && !pointers(draft.json, "").isEmpty()) {
            return replaceValue(draft, pick(NULS), "NUL");
        }
        if (where == 1 && !draft.query.isEmpty()) {
            String name = pick(new ArrayList<>(draft.query.keySet()));
            draft.query.put(name, draft.query.get(name) + "%00");
            return "NUL in query " + name;
        }
        if (!draft.pathValues.isEmpty()) {
            String name = pick(new ArrayList<>(draft.pathValues.keySet()));
            draft.pathValues.put(name, draft.pathValues.get(name) + "%00");
            return "NUL in path " + name;
        }
        draft.query.put("q", "%00");
        return "NUL in an unknown query parameter";
    }

    private String nullElements(Draft draft) {
        List<String> arrays = pointers(draft.json, "").stream()
                .filter(pointer -> draft.json != null && draft.json.at(pointer).isArray())
                .toList();
        if (arrays.isEmpty()) return "no array";
        String pointer = pick(arrays);
        ArrayNode array = (ArrayNode) draft.json.at(pointer);
        switch (random.nextInt(3)) {
            case 0 -> {
                array.removeAll();
                array.addNull();
            }
            case 1 -> array.addNull();
            default -> array.insertNull(0);
        }
        return "null element in " + pointer;
    }

    // ---- body shape ----------------------------------------------------------------------------------------------

    private String shape(Draft draft) {
        List<String> objects = objectPointers(draft.json, "");
        switch (random.nextInt(10)) {
            case 0 -> {
                List<String> fields = pointers(draft.json, "");
                if (fields.isEmpty()) return shape(draft);
                String pointer = pick(fields);
                remove(draft.json, pointer);
                return "without " + pointer;
            }
            case 1 -> {
                if (objects.isEmpty()) return shape(draft);
                String pointer = pick(objects);
                String name = pick(List.of(
                        "extra",
                        "__proto__",
                        "",
                        "Data",
                        "amount",
                        "constructor",
                        "x".repeat(5000),
                        "\u0000",
                        "Amount",
                        "AMOUNT",
                        "customerCode "));
                ((ObjectNode) draft.json.at(pointer)).set(name, marker(pick(VALUES)));
                return "extra field " + printable(clip(name)) + " in " + pointer;
            }
            case 2 -> {
                if (objects.isEmpty()) return shape(draft);
                String pointer = pick(objects);
                ObjectNode object = (ObjectNode) draft.json.at(pointer);
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty()) return shape(draft);
                String name = pick(names);
                int id = raw.size();
                raw.add(name);
                object.set("DUP" + id, marker(pick(VALUES)));
                return "duplicate field " + name + " in " + pointer;
            }
            case 3 -> {
                nullLeaves(draft.json);
                return "null everywhere";
            }
            case 4 -> {
                draft.bodyText = pick(List.of(
                        "null",
                        "[]",
                        "\"\"",
                        "0",
                        "{}",
                        "true",
                        "{\"Data\": null}",
                        "{\"Data\": []}",
                        "{\"Data\": \"x\"}",
                        "{\"Data\": {}}",
                        "\"Data\"",
                        "{",
                        "}",
                        "[",
                        "{\"Data\":",
                        "{\"Data\": {\"amount\": 1,}}",
                        "{'Data': {}}",
                        "{Data: {}}",
                        "\u00ef\u00bb\u00bf{}",
                        " ",
                        "\u0000",
                        "[".repeat(100_000),
                        "{\"a\":".repeat(50_000),
                        "[".repeat(999) + "]".repeat(999),
                        "{\"Data\": {}} {\"Data\": {}}",
                        "{\"Data\": {}} trailing",
                        "/* comment */ {}",
                        "{\"Data\": {\"amount\": NaN}}",
                        "{\"Data\": {\"amount\": Infinity}}",
                        "{\"Data\": {\"amount\": 01}}",
                        "{\"Data\": {\"amount\": .5}}",
                        "{\"Data\": {\"amount\": +1}}",
                        "{\"Data\": {\"amount\": 1.}}",
                        "{\"Data\": {\"amount\": 0x10}}"));
                return "whole body " + printable(clip(draft.bodyText));
            }
            case 5 -> {
                draft.truncateAt = random.nextDouble();
                return "truncated";
            }
            case 6 -> {
                draft.garble = 1 + random.nextInt(5);
                return "garbled bytes";
            }
            case 7 -> {
                List<String> arrays = pointers(draft.json, "").stream()
                        .filter(pointer -> draft.json != null
                                && draft.json.at(pointer).isArray()
                                && !draft.json.at(pointer).isEmpty())
                        .toList();
                if (arrays.isEmpty()) return shape(draft);
                String pointer = pick(arrays);
                ArrayNode array = (ArrayNode) draft.json.at(pointer);
                JsonNode first = array.get(0);
                int copies = pick(List.of(0, 2, 101, 1001, 10_000));
                array.removeAll();
                for (int i = 0; i < copies; i++) array.add(first.deepCopy());
                return copies + " elements in " + pointer;
            }
            case 8 -> {
                draft.bodyText = draft.bodyText() + " ".repeat(pick(List.of(10, 100_000, 990_000)));
                return "trailing whitespace";
            }
            default -> {
                if (objects.isEmpty()) return shape(draft);
                String pointer = pick(objects);
                ObjectNode object = (ObjectNode) draft.json.at(pointer);
                int fields = pick(List.of(100, 10_000, 30_000));
                for (int i = 0; i < fields; i++) object.put("f" + i, i);
                return fields + " extra fields in " + pointer;
            }
        }
    }

    // ---- forms ---------------------------------------------------------------------------------------------------

    private String form(Draft draft) {
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                ObjectNode fields = (ObjectNode) draft.json;
                if (fields == null || fields.isEmpty()) return "no fields";
                List<String> names = new ArrayList<>();
                fields.fieldNames().forEachRemaining(names::add);
                String name = pick(names);
                String value = pick(List.of(
                        "",
                        "x".repeat(100_000),
                        "%",
                        "%zz",
                        "%FF%FE",
                        "%C0%AF",
                        "%00",
                        "%0d%0a",
                        "４１１１１１１１１１１１１１１１",
                        "4111 1111 1111 1111 1111",
                        "-1",
                        "99999999999999999999",
                        "+",
                        "\u00ff",
                        "&&&",
                        "==",
                        "%E2%80%AE",
                        "%ED%A0%80",
                        "1e999999999"));
                draft.formRaw.put(name, value);
                return "form field " + name + " = " + printable(clip(value));
            }
            case 2 -> {
                draft.contentType = "multipart/form-data; boundary=" + pick(List.of("xyz", "", "\"", "a".repeat(200)));
                draft.bodyText = pick(List.of(
                        "--xyz\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\n4111",
                        "--xyz\r\n\r\n",
                        "garbage",
                        "--xyz--",
                        "--xyz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--xyz--\r\n",
                        "--xyz\r\nContent-Disposition: form-data; name=\"csrf\"; filename=\"../../x\"\r\n\r\nx\r\n",
                        ""));
                return "multipart " + printable(clip(draft.contentType + " " + draft.bodyText));
            }
            case 3 -> {
                draft.bodyText = pick(List.of(
                        "=",
                        "&",
                        "a",
                        "%",
                        "number=%",
                        "csrf=%FF",
                        "a=1&".repeat(20_000),
                        "number=" + "9".repeat(500_000),
                        "\u00ff\u00fe",
                        "number[]=1&number[]=2"));
                return "form body " + printable(clip(draft.bodyText));
            }
            default -> {
                draft.contentType = pick(CONTENT_TYPES);
                return "form as " + printable(draft.contentType);
            }
        }
    }

    // ---- path and query ------------------------------------------------------------------------------------------

    private String pathId(Draft draft) {
        String name = pick(new ArrayList<>(draft.pathValues.keySet()));
        String good = draft.pathValues.get(name);
        String id = pick(List.of(
                "",
                ".",
                "..",
                "%2e%2e",
                "..%2F..%2Fetc%2Fpasswd",
                "%2F",
                "a%2Fb",
                "%5C",
                "%0a",
                "%0d%0aX-Injected:%201",
                "%D0%BE%D0%BF",
                "x".repeat(300),
                "x".repeat(5_000),
                "00000000-0000-0000-0000-000000000000",
                good.toUpperCase(Locale.ROOT),
                good + "%20",
                good + ";x=1",
                good + "%3B",
                "%25",
                "*",
                "%7BoperationId%7D",
                "%20",
                "%09",
                "-1",
                "0",
                "9".repeat(25),
                "%EF%BC%91",
                "null",
                "undefined",
                "%22%27%3C%3E",
                "~",
                "$",
                "@",
                "!"));
        draft.pathValues.put(name, id);
        return "path " + name + " = " + printable(clip(id));
    }

    private String query(Draft draft) {
        Target.QueryParam param = pick(draft.target.query());
        switch (random.nextInt(6)) {
            case 0 -> {
                draft.query.remove(param.name());
                return "without " + param.name();
            }
            case 1 -> {
                draft.query.put(param.name() + "\u0000dup", "1");
                return "repeated " + param.name();
            }
            case 2 -> {
                draft.query.put(pick(List.of("unknown", "page", "a".repeat(1_000), "")), "1");
                return "unknown parameter";
            }
            case 3 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < pick(List.of(100, 500)); i++)
                    many.append("&p").append(i).append("=1");
                draft.query.put("p", "1" + many);
                return "many parameters";
            }
            default -> {
                String value = pick(List.of(
                        "",
                        "-1",
                        "0",
                        "1",
                        "2",
                        "1000",
                        "1001",
                        "2147483647",
                        "2147483648",
                        "-2147483649",
                        "9223372036854775808",
                        "99999999999999999999",
                        "1e3",
                        "1.5",
                        "0x10",
                        "abc",
                        "true",
                        "%EF%BC%91%EF%BC%90",
                        "%0a",
                        "%0d%0a",
                        "x".repeat(5_000),
                        "2030-02-30",
                        "0000-00-00",
                        "9999-99-99",
                        "+999999999-12-31",
                        "2030-1-1",
                        "20300101",
                        "2030-01-01T00:00:00",
                        "APPROVED",
                        "approved",
                        "300000093",
                        "300000092%20",
                        "%E2%80%AE",
                        "..%2F"));
                draft.query.put(param.name(), value);
                return "query " + param.name() + " = " + printable(clip(value));
            }
        }
    }

    private String uriEncoding(Draft draft) {
        String value = pick(List.of(
                "%FF",
                "%C0%AF",
                "%ED%A0%80",
                "%F8%88%80%80%80",
                "\u00ff\u00fe",
                "\u00c3(",
                "%u0041",
                "%",
                "%zz",
                "%2",
                "a%",
                "%%",
                "\u0001",
                "\u007f",
                "%E2%82",
                utf8Raw("операция"),
                utf8Raw("１２３"),
                "customerCode[]",
                "a|b",
                "a{b}",
                "^",
                "`",
                "\\"));
        if (!draft.pathValues.isEmpty() && (draft.query.isEmpty() || random.nextBoolean())) {
            String name = pick(new ArrayList<>(draft.pathValues.keySet()));
            draft.pathValues.put(name, value);
            return "path " + name + " = " + printable(value);
        }
        String name = pick(new ArrayList<>(draft.query.keySet()));
        if (random.nextBoolean()) draft.query.put(name, value);
        else draft.query.put(value + "\u0000dup", "1");
        return "query " + name + " = " + printable(value);
    }

    // ---- headers, framing, auth ----------------------------------------------------------------------------------

    private String headers(Draft draft) {
        switch (random.nextInt(9)) {
            case 0 -> {
                int size = pick(List.of(4_000, 9_000, 70_000, 300_000));
                draft.extraHeaders.add("X-Big: " + "x".repeat(size));
                return "header of " + size + " bytes";
            }
            case 1 -> {
                int count = pick(List.of(100, 1_000, 5_000));
                for (int i = 0; i < count; i++) draft.extraHeaders.add("X-H" + i + ": v");
                return count + " headers";
            }
            case 2 -> {
                draft.extraHeaders.add(pick(List.of(
                        "X-Bad: a\u0000b",
                        "X-Bad: \u00ff\u00fe",
                        "X-Bad a",
                        ": empty",
                        "X-Bad:\tx",
                        " X-Folded: x",
                        "X-Bad: a\rb",
                        "X-Ünïcode: x",
                        "Host: other",
                        "Content-Type: application/json",
                        "Accept: \u0000",
                        "Accept-Language: " + "ru,".repeat(2_000),
                        "Cookie: " + "a=b; ".repeat(2_000),
                        "Cookie: tochka_x=\u00ff",
                        "X-Forwarded-For: \r\n",
                        "Authorization: Bearer x\u0000y",
                        "Authorization: Bearer \u00ff\u00fe",
                        "Authorization: Bearer " + "A".repeat(20_000))));
                return "bad header";
            }
            case 3 -> {
                draft.version = pick(List.of(
                        "HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1.1 x", "", "HTTP/1", "http/1.1", "HTTP/1.10"));
                draft.lastOnConnection = true;
                return "version " + printable(draft.version);
            }
            case 4 -> {
                draft.noHost = true;
                return "no Host";
            }
            case 5 -> {
                draft.expectContinue = true;
                return "Expect: 100-continue";
            }
            case 6 -> {
                int length = pick(List.of(10_000, 100_000, 1_000_000));
                draft.pathSuffix = "/" + "a".repeat(length);
                return "path of " + length + " bytes";
            }
            case 7 -> {
                draft.extraHeaders.add("Accept-Encoding: gzip, deflate, br, zstd, " + "x,".repeat(500));
                draft.extraHeaders.add("Accept: " + pick(List.of("text/html", "application/xml", "*/*;q=0", "\u00ff")));
                return "odd Accept";
            }
            default -> {
                draft.extraHeaders.add("Content-Encoding: " + pick(List.of("gzip", "br", "deflate", "x")));
                return "Content-Encoding on a plain body";
            }
        }
    }

    private String framing(Draft draft) {
        draft.lastOnConnection = true;
        switch (random.nextInt(6)) {
            case 0 -> {
                draft.chunks = pick(List.of(
                        "zz\r\nabc\r\n0\r\n\r\n",
                        "5\r\nab\r\n0\r\n\r\n",
                        "ffffffffffffffffff\r\nab\r\n",
                        "-1\r\nab\r\n0\r\n\r\n",
                        "2;ext=\u00ff\r\nab\r\n0\r\n\r\n",
                        "3\nabc\n0\n\n",
                        "0\r\nX-Trailer: \u0000\r\n\r\n"));
                // Then EOF: a body still awaited would only wait out the server's 10 s deadline (SlowBodyIT's case).
                draft.halfClose = true;
                return "broken chunks " + printable(draft.chunks);
            }
            case 1 -> {
                draft.chunks = "10\r\n" + "{\"Data\":";
                draft.halfClose = true;
                return "chunked body cut short";
            }
            case 2 -> {
                draft.declaredLength = draft.bodyBytes().length + 50;
                draft.halfClose = true;
                return "Content-Length beyond the body, then EOF";
            }
            case 3 -> {
                draft.extraHeaders.add(
                        "Content-Length: " + pick(List.of("0", "1", "-1", "abc", "99999999999999999999")));
                return "second Content-Length";
            }
            case 4 -> {
                draft.extraHeaders.add(
                        "Transfer-Encoding: " + pick(List.of("chunked", "gzip", "identity", "chunked, x")));
                return "Transfer-Encoding and Content-Length";
            }
            default -> {
                draft.declaredLength = Math.max(0, draft.bodyBytes().length - 3);
                return "Content-Length short of the body";
            }
        }
    }

    private String auth(Draft draft) {
        draft.headers.removeIf(header -> header.startsWith("Authorization:"));
        String value = pick(List.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer  ",
                "Basic YTpi",
                "bearer sandbox.jwt.token",
                "Bearer sandbox.jwt.token",
                "Bearer a.b.c",
                "Bearer ...",
                "Bearer eyJ",
                "Bearer " + "A".repeat(2_000),
                "Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.",
                "Bearer " + "eyJhbGciOiJSUzI1NiJ9." + "e30." + "A".repeat(342),
                "Token x",
                "Bearer %00",
                "Bearer adm_" + "0".repeat(64)));
        if (random.nextBoolean() || value.isEmpty()) {
            if (!value.isEmpty()) draft.headers.add("Authorization: " + value);
            return "Authorization " + printable(clip(value));
        }
        draft.headers.add("Authorization: " + value);
        draft.headers.add(draft.target.headers().stream()
                .filter(h -> h.startsWith("Authorization:"))
                .findFirst()
                .orElse("Authorization: x"));
        return "two Authorization headers, the first " + printable(clip(value));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String longString() {
        int length = pick(List.of(141, 2_084, 10_000, 900_000, 1_100_000));
        String unit = pick(List.of("x", "я", "😀", "1", "１"));
        StringBuilder text = new StringBuilder("\"");
        while (text.length() < length) text.append(unit);
        return utf8Raw(text.append('"').toString());
    }

    /** A text node standing for a raw JSON fragment, put back in after serialisation. */
    private TextNode marker(String fragment) {
        raw.add(wire(fragment));
        return TextNode.valueOf("RAW" + (raw.size() - 1));
    }

    private static boolean containsArray(@Nullable JsonNode node) {
        if (node == null) return false;
        if (node.isArray()) return true;
        for (JsonNode child : node) {
            if (containsArray(child)) return true;
        }
        return false;
    }

    /** JSON pointers of every node below {@code node}. */
    private static List<String> pointers(@Nullable JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node == null) return pointers;
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                pointers.addAll(pointers(field.getValue(), pointer));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.add(at + "/" + i);
                pointers.addAll(pointers(node.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    private static List<String> objectPointers(@Nullable JsonNode node, String at) {
        List<String> objects = new ArrayList<>();
        if (node == null) return objects;
        if (node.isObject()) objects.add(at);
        for (String pointer : pointers(node, at)) {
            if (node.at(pointer.substring(at.length())).isObject()) objects.add(pointer);
        }
        return objects;
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) object.set(last, value);
        else if (parent instanceof ArrayNode array) array.set(Integer.parseInt(last), value);
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) object.remove(last);
        else if (parent instanceof ArrayNode array) array.remove(Integer.parseInt(last));
    }

    private static void nullLeaves(@Nullable JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name).isContainerNode()) nullLeaves(object.get(name));
                else object.putNull(name);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode()) nullLeaves(array.get(i));
                else array.set(i, com.fasterxml.jackson.databind.node.NullNode.getInstance());
            }
        }
    }

    /** {@code text} as a byte string: as it is when every char is a byte, else its UTF-8 bytes. */
    static String wire(String text) {
        return text.chars().allMatch(c -> c <= 0xff) ? text : utf8Raw(text);
    }

    /** The UTF-8 bytes of {@code text} as a byte string. */
    static String utf8Raw(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String printable(String bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == '\r') out.append("\\r");
            else if (c == '\n') out.append("\\n");
            else if (c < 0x20 || c >= 0x7f) out.append(String.format("\\x%02x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...(" + text.length() + ")";
    }

    /** A request being mutated: the good one's parts, each replaceable. */
    private final class Draft {
        final Target target;
        String method;
        final Map<String, String> pathValues;
        final Map<String, String> query = new LinkedHashMap<>();
        final List<String> headers;
        final List<String> extraHeaders = new ArrayList<>();
        final @Nullable JsonNode json;
        final Map<String, String> formRaw = new LinkedHashMap<>();

        @Nullable
        String bodyText;

        @Nullable
        String contentType;

        String version = "HTTP/1.1";
        String pathSuffix = "";
        double truncateAt = -1;
        int garble;

        @Nullable
        String chunks;

        int declaredLength = -1;
        boolean lastOnConnection;
        boolean halfClose;
        boolean noHost;
        boolean expectContinue;

        Draft(Target target) {
            this.target = target;
            this.method = target.method();
            this.pathValues = new LinkedHashMap<>(target.pathValues());
            for (Target.QueryParam param : target.query()) query.put(param.name(), param.good());
            this.headers = new ArrayList<>(target.headers());
            this.json = target.body() == null ? null : target.body().deepCopy();
            if (target.bodyKind() == Target.BodyKind.JSON) contentType = "application/json";
            if (target.bodyKind() == Target.BodyKind.FORM) contentType = "application/x-www-form-urlencoded";
        }

        /** The body as a byte string, before framing mutations. */
        String bodyText() {
            if (bodyText != null) return wire(bodyText);
            if (json == null) return "";
            if (target.bodyKind() == Target.BodyKind.FORM) {
                return json.properties().stream()
                        .map(field -> encode(field.getKey()) + "="
                                + (formRaw.containsKey(field.getKey())
                                        ? wire(formRaw.get(field.getKey()))
                                        : encode(field.getValue().asText())))
                        .collect(Collectors.joining("&"));
            }
            String text;
            try {
                text = utf8Raw(JSON.writeValueAsString(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            Matcher duplicates = DUPLICATE.matcher(text);
            text = duplicates.replaceAll(
                    match -> Matcher.quoteReplacement("\"" + raw.get(Integer.parseInt(match.group(1))) + "\":"));
            Matcher markers = RAW.matcher(text);
            return markers.replaceAll(match -> Matcher.quoteReplacement(raw.get(Integer.parseInt(match.group(1)))));
        }

        byte[] bodyBytes() {
            String text = bodyText();
            if (truncateAt >= 0 && !text.isEmpty()) text = text.substring(0, (int) (text.length() * truncateAt));
            if (garble > 0 && !text.isEmpty()) {
                char[] chars = text.toCharArray();
                for (int i = 0; i < garble; i++) chars[random.nextInt(chars.length)] = (char) random.nextInt(256);
                text = new String(chars);
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }

        Request toRequest(long index, Family family, String mutation, String host) {
            String path = target.prefix() + target.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            path += pathSuffix;
            String queryText = query.entrySet().stream()
                    .map(param -> param.getKey().replace("\u0000dup", "") + "=" + param.getValue())
                    .collect(Collectors.joining("&"));
            String requestTarget = queryText.isEmpty() ? path : path + "?" + queryText;
            byte[] body = bodyBytes();
            boolean sendsBody = body.length > 0
                    || chunks != null
                    || (!"GET".equals(method) && !"HEAD".equals(method) && target.bodyKind() != Target.BodyKind.NONE);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(wire(requestTarget));
            if (!version.isEmpty()) head.append(' ').append(version);
            head.append(CRLF);
            if (!noHost) head.append("Host: ").append(host).append(CRLF);
            for (String header : headers) head.append(wire(header)).append(CRLF);
            for (String header : extraHeaders) head.append(wire(header)).append(CRLF);
            if (sendsBody && contentType != null)
                head.append("Content-Type: ").append(contentType).append(CRLF);
            if (expectContinue) head.append("Expect: 100-continue").append(CRLF);
            String bodyPart;
            if (chunks != null) {
                head.append("Transfer-Encoding: chunked").append(CRLF);
                bodyPart = wire(chunks);
            } else {
                if (sendsBody || declaredLength >= 0) {
                    head.append("Content-Length: ")
                            .append(declaredLength >= 0 ? declaredLength : body.length)
                            .append(CRLF);
                }
                bodyPart = new String(body, StandardCharsets.ISO_8859_1);
            }
            head.append(CRLF);
            byte[] bytes = (head + bodyPart).getBytes(StandardCharsets.ISO_8859_1);
            boolean last = lastOnConnection || declaredLength >= 0 || !extraHeaders.isEmpty() || noHost;
            // The last request on a connection ends with EOF: if its framing leaves the server expecting more body, it
            // answers at once instead of after its 10 s body deadline (which SlowBodyIT covers), so a long run is
            // not spent waiting.
            return new Request(index, target, family, mutation, method, requestTarget, bytes, last, halfClose || last);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
