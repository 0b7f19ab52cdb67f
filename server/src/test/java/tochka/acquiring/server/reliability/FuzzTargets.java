package tochka.acquiring.server.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.Application.ServerInfo;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.testing.RawHttp;
import tochka.acquiring.testkit.ApiClient;

/**
 * Every route of a running server as fuzz {@link Target}s: the bank's operations from the document the server
 * publishes at {@code /openapi.json} (under {@code /uapi} with the demo key, which holds every acquiring permission,
 * and under {@code /sandbox/v2} with the sandbox token), our control and admin API from {@code /openapi-control.json}
 * (with the admin token), and the pages. Ids in paths are real: a paid payment, an authorised one, a consent, the
 * key's client_id, a buyer's page session with its anti-CSRF token, an SBP QR code.
 */
final class FuzzTargets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern QRC = Pattern.compile("/(A[A-Z0-9]{31})");
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private final ServerInfo info;
    private final String paid;
    private final String authorized;
    private final String unpaid;
    private final String cardOnly;
    private final String consentId;
    private final String cookie;
    private final String csrf;
    private final String qrcId;

    private FuzzTargets(ServerInfo info) {
        this.info = info;
        ApiClient api = ApiClient.bearer(info.apiUrl(), info.demoToken());
        this.paid = create(api, "[\"card\"]", false);
        simulate(info, paid, "card", "approve");
        this.authorized = create(api, "[\"card\"]", true);
        simulate(info, authorized, "card", "authorize");
        this.unpaid = create(api, "[\"card\", \"sbp\"]", false);
        this.cardOnly = create(api, "[\"card\"]", false);
        this.consentId = api.get("/consent/v1.0/consents")
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0)
                .get("consentId")
                .asText();
        try (RawHttp http = new RawHttp("127.0.0.1", info.port())) {
            RawHttp.Answer form = http.exchange(get("/order/card?uuid=" + cardOnly), false);
            String setCookie = form.header("Set-Cookie");
            this.cookie = setCookie == null ? "none=none" : setCookie.split(";", 2)[0];
            Matcher token = CSRF.matcher(form.text());
            this.csrf = token.find() ? token.group(1) : "0";
            RawHttp.Answer sbp = http.exchange(get("/order/sbp?uuid=" + unpaid), false);
            Matcher qrc = QRC.matcher(sbp.text());
            this.qrcId = qrc.find() ? qrc.group(1) : "A" + "0".repeat(31);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The targets of the server {@code info} describes, after creating the payments and sessions they point at. */
    static List<Target> of(ServerInfo info) {
        return new FuzzTargets(info).all();
    }

    private List<Target> all() {
        List<Target> targets = new ArrayList<>();
        JsonNode bank = document("/openapi.json");
        for (String prefix : List.of("/uapi", "/sandbox/v2")) {
            boolean sandbox = prefix.equals("/sandbox/v2");
            String auth = "Authorization: Bearer " + (sandbox ? "sandbox.jwt.token" : info.demoToken());
            targets.addAll(operations(bank, prefix, auth, sandbox ? "sandbox" : info.clientId()));
            // The consents' historical path, which the spec does not list.
            for (Target consent : operations(bank, prefix, auth, "")) {
                if (consent.path().startsWith("/consent/v1.0/consents")) {
                    targets.add(new Target(
                            consent.method() + " " + prefix + consent.path().substring(8),
                            consent.method(),
                            prefix,
                            consent.path().substring(8),
                            consent.pathValues(),
                            consent.query(),
                            consent.bodyKind(),
                            consent.body(),
                            consent.headers(),
                            true));
                }
            }
        }
        targets.addAll(
                operations(document("/openapi-control.json"), "", "Authorization: Bearer " + info.adminToken(), ""));
        targets.addAll(pages());
        return targets;
    }

    private List<Target> operations(JsonNode document, String prefix, String auth, String clientId) {
        Map<String, JsonNode> known = new LinkedHashMap<>();
        known.put("customerCode", NODES.textNode(info.customerCode()));
        known.put("merchantId", NODES.textNode(DemoData.MERCHANT_ID));
        known.put("amount", NODES.numberNode(1));
        SchemaValues values = new SchemaValues(document, known);
        List<Target> targets = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (!METHODS.contains(operation.getKey())) return;
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    Map<String, String> pathValues = new LinkedHashMap<>();
                    List<Target.QueryParam> query = new ArrayList<>();
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        String name = parameter.get("name").asText();
                        JsonNode schema = values.resolve(parameter.path("schema"));
                        if (parameter.path("in").asText().equals("path")) {
                            pathValues.put(name, pathValue(name, path.getKey(), clientId));
                        } else if (parameter.path("in").asText().equals("query")) {
                            String good = known.containsKey(name)
                                    ? known.get(name).asText()
                                    : parameter.has("example")
                                            ? parameter.get("example").asText()
                                            : values.instance(schema).asText();
                            query.add(new Target.QueryParam(
                                    name,
                                    schema,
                                    good,
                                    parameter.path("required").asBoolean()));
                        }
                    }
                    JsonNode bodySchema = operation.getValue().at("/requestBody/content/application~1json/schema");
                    JsonNode body = bodySchema.isMissingNode() ? null : values.instance(bodySchema);
                    boolean needsAuth = !path.getKey().equals("/health");
                    targets.add(new Target(
                            method + " " + prefix + path.getKey(),
                            method,
                            prefix,
                            path.getKey(),
                            pathValues,
                            query,
                            body == null ? Target.BodyKind.NONE : Target.BodyKind.JSON,
                            body,
                            needsAuth ? List.of(auth) : List.of(),
                            needsAuth));
                }));
        return targets;
    }

    private String pathValue(String name, String path, String clientId) {
        return switch (name) {
            case "operationId" -> path.endsWith("/capture") ? authorized : path.startsWith("/control") ? unpaid : paid;
            case "customerCode" -> info.customerCode();
            case "consentId" -> consentId;
            case "client_id" -> clientId;
            default -> "00000000-0000-0000-0000-000000000001";
        };
    }

    private List<Target> pages() {
        List<Target> pages = new ArrayList<>();
        String session = "Cookie: " + cookie;
        for (String path : List.of(
                "/",
                "/docs",
                "/openapi.json",
                "/openapi-control.json",
                "/health",
                "/.well-known/jwks.json",
                "/doc/openapi/static/keys/public",
                "/favicon.ico")) {
            pages.add(page("GET", path, Map.of(), List.of(), null, List.of()));
        }
        pages.add(page("GET", "/site/assets/{file}", Map.of("file", "site.css"), List.of(), null, List.of()));
        pages.add(page("GET", "/order/assets/{file}", Map.of("file", "checkout.css"), List.of(), null, List.of()));
        pages.add(page("GET", "/order/qr/{file}", Map.of("file", qrcId + ".png"), List.of(), null, List.of(session)));
        for (String path : List.of(
                "/order/",
                "/order/card",
                "/order/3ds",
                "/order/sbp",
                "/order/status",
                "/order/tinkoff",
                "/order/dolyame",
                "/order/success")) {
            pages.add(page(
                    "GET",
                    path,
                    Map.of(),
                    uuid(path.equals("/order/card") ? cardOnly : unpaid),
                    null,
                    List.of(session)));
        }
        pages.add(page(
                "GET",
                "/order/failure",
                Map.of(),
                List.of(param("uuid", unpaid), param("reason", "declined")),
                null,
                List.of(session)));
        pages.add(page(
                "POST",
                "/order/card",
                Map.of(),
                uuid(cardOnly),
                form(
                        "csrf",
                        csrf,
                        "number",
                        "4111 1111 1111 1111",
                        "month",
                        "12",
                        "year",
                        "30",
                        "cvc",
                        "123",
                        "email",
                        "buyer@example.com"),
                List.of(session)));
        pages.add(page(
                "POST", "/order/3ds", Map.of(), uuid(cardOnly), form("csrf", csrf, "code", "1234"), List.of(session)));
        for (String path : List.of("/order/tinkoff", "/order/dolyame")) {
            pages.add(
                    page("POST", path, Map.of(), uuid(unpaid), form("csrf", csrf, "action", "pay"), List.of(session)));
        }
        pages.add(page("GET", "/{qrcId}", Map.of("qrcId", qrcId), List.of(), null, List.of()));
        for (String action : List.of("pay", "cancel")) {
            pages.add(page(
                    "POST", "/{qrcId}/" + action, Map.of("qrcId", qrcId), List.of(), form("csrf", "0"), List.of()));
        }
        return pages;
    }

    private static List<Target.QueryParam> uuid(String operationId) {
        return List.of(param("uuid", operationId));
    }

    private static Target.QueryParam param(String name, String good) {
        return new Target.QueryParam(name, NODES.objectNode().put("type", "string"), good, true);
    }

    private static ObjectNode form(String... fields) {
        ObjectNode form = NODES.objectNode();
        for (int i = 0; i < fields.length; i += 2) form.put(fields[i], fields[i + 1]);
        return form;
    }

    private static Target page(
            String method,
            String path,
            Map<String, String> pathValues,
            List<Target.QueryParam> query,
            @Nullable ObjectNode form,
            List<String> headers) {
        return new Target(
                method + " " + path,
                method,
                "",
                path,
                pathValues,
                query,
                form == null ? Target.BodyKind.NONE : Target.BodyKind.FORM,
                form,
                headers,
                false);
    }

    private JsonNode document(String path) {
        try (RawHttp http = new RawHttp("127.0.0.1", info.port())) {
            return JSON.readTree(http.exchange(get(path), true).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + info.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String create(ApiClient api, String modes, boolean preAuthorization) {
        return api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "fuzz", "paymentMode": %s,
                 "preAuthorization": %s}}""".formatted(DemoData.BUSINESS_CODE, modes, preAuthorization))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private static void simulate(ServerInfo info, String operationId, String type, String outcome) {
        ApiClient.bearer(info.publicUrl(), info.adminToken())
                .post(
                        "/control/v1/payments/" + operationId + "/simulate",
                        "{\"paymentType\": \"" + type + "\", \"outcome\": \"" + outcome + "\"}")
                .expectStatus(200);
    }
}
