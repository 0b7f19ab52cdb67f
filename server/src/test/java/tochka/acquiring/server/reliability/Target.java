package tochka.acquiring.server.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One route the fuzzer attacks, with what a well-formed request to it carries: real ids in the path, the query
 * parameters of its spec (with their schema and a good value), a body built from its schema, and the headers that
 * let it past authentication (a key, the admin token, a buyer's cookie).
 *
 * @param name how reports name it: {@code POST /uapi/acquiring/v1.0/payments}
 * @param prefix where it is mounted ({@code /uapi}, {@code /sandbox/v2} or empty)
 * @param path the template after the prefix, with {@code {name}} segments
 * @param pathValues a good value for each {@code {name}}, already URL-safe
 * @param body a JSON body (a {@code JSON} target) or form fields as a JSON object (a {@code FORM} target)
 * @param headers full header lines that a good request sends
 * @param api whether every error it answers must be the bank's error body
 */
record Target(
        String name,
        String method,
        String prefix,
        String path,
        Map<String, String> pathValues,
        List<QueryParam> query,
        BodyKind bodyKind,
        @Nullable JsonNode body,
        List<String> headers,
        boolean api) {

    enum BodyKind {
        NONE,
        JSON,
        FORM
    }

    /** A query parameter of the spec: its schema (resolved), a good value and whether it is required. */
    record QueryParam(String name, JsonNode schema, String good, boolean required) {}

    Target {
        pathValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathValues));
        query = List.copyOf(query);
        headers = List.copyOf(headers);
    }
}
