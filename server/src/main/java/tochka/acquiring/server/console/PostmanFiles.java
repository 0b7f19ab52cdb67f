package tochka.acquiring.server.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The Postman collection and environment the Developers page hands out, in the shape of the bank's own
 * ({@code Setting.postman_environment.json} with {@code AS_URL}, {@code RS_URL}, the tokens; the collection "OpenAPI"
 * whose requests read {@code {{RS_URL}}/{{api_version}}/...} with {@code {{accesstoken_hybrid}}} as the bearer).
 * The collection is the guide's walkthrough against this server: permissions, companies, retailers, a payment link,
 * paying it through the test-control API (which the real bank has not), its info, a refund and its info again; each
 * request's test script fails on a wrong answer and hands on what the next request needs (customerCode, merchantId,
 * operationId), so {@code newman run} or Postman's Runner plays the whole walkthrough.
 *
 * <p>{@code tochka postman} writes the same files for the bank ({@link Api#bank}): the bank's own URLs and no payment
 * step, since the bank has no test-control API (a person pays the link in a browser).
 */
public final class PostmanFiles {

    public static final String COLLECTION_FILE = "tochka-acquiring.postman_collection.json";
    public static final String ENVIRONMENT_FILE = "tochka-acquiring.postman_environment.json";
    static final String API_VERSION = "v1.0";

    /** The bank's authorization server, {@code AS_URL} of its own {@code Setting} environment. */
    static final String BANK_AS_URL = "https://enter.tochka.com";

    private static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PostmanFiles() {}

    /**
     * Whether the environment holds the admin token, which the walkthrough's payment step (the test-control API)
     * needs: only for an admin, and only when this run of the server knows it (the database keeps only its hash).
     * {@code textKey} is what the Developers page says about it.
     */
    public enum AdminToken {
        INCLUDED(
                "developers.admin.included", "The admin token of this server, for the test-control API (/control/v1)."),
        UNKNOWN(
                "developers.admin.unknown",
                "The server keeps only the admin token's hash: put the token here (TOCHKA_ADMIN_TOKEN in demo.env)"
                        + " to pay links through the test-control API."),
        NOT_ADMIN(
                "developers.admin.company",
                "Paying through the test-control API needs the admin token, which only an admin receives: ask one,"
                        + " or open paymentLink in a browser and pay there, then run the steps after the payment."),
        CONTROL_OFF(
                "developers.admin.off",
                "The test-control API is off on this server (tochka serve --no-control): pay the link in a browser.");

        private final String textKey;
        private final String description;

        AdminToken(String textKey, String description) {
            this.textKey = textKey;
            this.description = description;
        }

        String textKey() {
            return textKey;
        }

        public String description() {
            return description;
        }
    }

    /** The key whose token goes into the environment as {@code accesstoken_hybrid}. */
    public record ChosenKey(String clientId, String name, String token) {}

    /**
     * Where the files point: {@code asUrl} ({@code AS_URL}) and {@code rsUrl} ({@code RS_URL}, the Open API's base
     * URL), and whether the walkthrough pays its link through this server's test-control API ({@code control}).
     */
    public record Api(String asUrl, String rsUrl, boolean control) {

        /** This server at {@code publicUrl}, its Open API under {@code /uapi}: as the Developers page gives it. */
        public static Api server(String publicUrl) {
            return server(publicUrl, publicUrl + "/uapi");
        }

        /** This server at {@code publicUrl} with its Open API at {@code rsUrl} ({@code /uapi} or its sandbox). */
        public static Api server(String publicUrl, String rsUrl) {
            return new Api(publicUrl, rsUrl, true);
        }

        /** The bank, its Open API at {@code rsUrl}: production ({@code /uapi}) or the sandbox ({@code /sandbox/v2}). */
        public static Api bank(String rsUrl) {
            return new Api(BANK_AS_URL, rsUrl, false);
        }

        boolean sandbox() {
            return rsUrl.endsWith("/sandbox/v2");
        }

        /** What names the files' ids: the same target, the same ids, so a second import replaces the first. */
        String identity() {
            return control && !sandbox() ? asUrl : rsUrl;
        }
    }

    /**
     * The environment for the server at {@code publicUrl}, with {@code key}'s token (null: the user sees no key) and
     * the admin token the test-control API needs ({@code adminToken} null: left empty, and the variable's
     * description says why, from {@code adminTokenState}).
     */
    static ObjectNode environment(
            String publicUrl, @Nullable ChosenKey key, @Nullable String adminToken, AdminToken adminTokenState) {
        return environment(Api.server(publicUrl), key, adminToken, adminTokenState);
    }

    /**
     * The environment for {@code api}: as {@link #environment(String, ChosenKey, String, AdminToken)} for this
     * server; for the bank named and laid out as the bank's own {@code Setting} environment, with no admin token.
     */
    public static ObjectNode environment(
            Api api, @Nullable ChosenKey key, @Nullable String adminToken, AdminToken adminTokenState) {
        ObjectNode environment = JSON.objectNode();
        environment.put("id", nameUuid("environment " + api.identity() + " " + (key == null ? "" : key.clientId())));
        environment.put(
                "name",
                api.control()
                        ? "Setting · tochka-acquiring " + hostOf(api.asUrl())
                        : (api.sandbox() ? "Setting · sandbox" : "Setting"));
        ArrayNode values = environment.putArray("values");
        if (api.control()) {
            value(values, "AS_URL", api.asUrl(), "default", "The server's root: the test-control API lives under it.");
            value(
                    values,
                    "RS_URL",
                    api.rsUrl(),
                    "default",
                    api.sandbox() ? "The bank's sandbox on this server." : "The bank's Open API on this server.");
        } else {
            value(
                    values,
                    "AS_URL",
                    api.asUrl(),
                    "default",
                    "The bank's authorization server (OAuth 2.0: /connect/...).");
            value(
                    values,
                    "RS_URL",
                    api.rsUrl(),
                    "default",
                    api.sandbox()
                            ? "The bank's sandbox: canned answers, links that cannot be paid."
                            : "The bank's Open API.");
        }
        value(values, "api_version", API_VERSION, "default", "The version in the API's paths.");
        value(
                values,
                "client_id",
                key == null ? "" : key.clientId(),
                "default",
                key == null ? "No JWT key chosen." : "The client_id of the JWT key " + key.name() + ".");
        value(values, "client_secret", "", "secret", "OAuth 2.0 applications only; a JWT key needs none.");
        value(values, "state", "test_state", "default", "OAuth 2.0 applications only.");
        value(values, "accesstoken_client", "", "secret", "OAuth 2.0 applications only.");
        value(
                values,
                "accesstoken_hybrid",
                key == null ? "" : key.token(),
                "secret",
                key == null
                        ? (api.control()
                                ? "Issue a JWT key in the console (Integrations and API) and download the environment"
                                        + " again."
                                : "A JWT key from the internet bank («Интеграции и API» → «Подключить» → JWT-ключ).")
                        : "The token of the JWT key " + key.name() + " (client_id " + key.clientId() + ").");
        value(values, "code", "", "default", "OAuth 2.0 applications only.");
        value(values, "consentID", "", "default", "OAuth 2.0 applications only.");
        value(values, "redirect_uri", "http://localhost/", "default", "OAuth 2.0 applications only.");
        value(
                values,
                "customerCode",
                "",
                "default",
                "Set by the test script of 'Список компаний': the key's Business company.");
        value(
                values,
                "merchantId",
                "",
                "default",
                "Set by the test script of 'Список торговых точек': the company's active retailer.");
        value(values, "operationId", "", "default", "Set by the test script of 'Создание ссылки на оплату'.");
        if (api.control()) {
            value(values, "admin_token", adminToken == null ? "" : adminToken, "secret", adminTokenState.description());
        }
        environment.put("_postman_variable_scope", "environment");
        environment.put("_postman_exported_using", "tochka-acquiring");
        return environment;
    }

    /** The collection: the guide's walkthrough against this server, request by request, with test scripts. */
    static ObjectNode collection(String publicUrl) {
        return collection(Api.server(publicUrl));
    }

    /**
     * The collection for {@code api}: for the bank without the test-control payment step, its description saying to
     * pay the link in a browser between the link's creation and the steps after it.
     */
    public static ObjectNode collection(Api api) {
        ObjectNode collection = JSON.objectNode();
        ObjectNode info = collection.putObject("info");
        info.put("_postman_id", nameUuid("collection " + api.identity()));
        info.put("name", api.control() ? "OpenAPI · tochka-acquiring " + hostOf(api.asUrl()) : "OpenAPI");
        info.put(
                "description",
                api.control()
                        ? "Коллекция запросов к эмулятору интернет-эквайринга Точки на " + api.asUrl()
                                + ": путь из инструкции банка (разрешения, компании, ссылка на оплату, оплата,"
                                + " информация, возврат). Запустите её целиком (Runner или newman run) с окружением с"
                                + " этой же страницы."
                        : "Коллекция запросов к интернет-эквайрингу Точки (" + api.rsUrl() + "): путь из инструкции"
                                + " банка (разрешения, компании, ссылка на оплату, информация, возврат). У банка нет"
                                + " тестовой оплаты: выполните запросы до «Создание ссылки на оплату», откройте"
                                + " paymentLink из ответа в браузере и оплатите, затем выполните остальные."
                                + (api.sandbox() ? " В песочнице ссылку оплатить нельзя, её ответы заготовлены." : ""));
        info.put("schema", SCHEMA);
        ArrayNode folders = collection.putArray("item");

        folder(
                folders,
                "Разрешения",
                request(
                        "Проверка всех разрешений",
                        "GET",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        List.of("{{api_version}}", "consents"),
                        null,
                        null,
                        List.of(
                                "pm.test('Ключ принят: 200', function () {",
                                "    pm.response.to.have.status(200);",
                                "});",
                                "pm.test('У ключа есть действующие разрешения', function () {",
                                "    const consents = pm.response.json().Data.Consent;",
                                "    pm.expect(consents, 'Data.Consent').to.be.an('array').that.is.not.empty;",
                                "    pm.expect(consents.some(c => c.status === 'Authorised'), 'an Authorised consent')"
                                        + ".to.be.true;",
                                "});")));

        folder(
                folders,
                "Компании",
                request(
                        "Список компаний",
                        "GET",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        List.of("open-banking", "{{api_version}}", "customers"),
                        null,
                        null,
                        List.of(
                                "pm.test('Список компаний: 200', function () {",
                                "    pm.response.to.have.status(200);",
                                "});",
                                "pm.test('Есть компания Business: её customerCode в окружении', function () {",
                                "    const customers = pm.response.json().Data.Customer;",
                                "    const preset = pm.environment.get('customerCode');",
                                "    const business = customers.find(c => c.customerType === 'Business'"
                                        + " && c.customerCode === preset)",
                                "        || customers.find(c => c.customerType === 'Business');",
                                "    pm.expect(business, 'a customer with customerType Business').to.be.an('object');",
                                api.control() && !api.sandbox()
                                        ? "    pm.expect(business.customerCode).to.match(/^3[0-9]{8}$/);"
                                        : "    pm.expect(business.customerCode).to.be.a('string').that.is.not.empty;",
                                "    pm.environment.set('customerCode', business.customerCode);",
                                "});")));

        folder(
                folders,
                "Эквайринг",
                request(
                        "Список торговых точек",
                        "GET",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        List.of("acquiring", "{{api_version}}", "retailers"),
                        List.of(List.of("customerCode", "{{customerCode}}")),
                        null,
                        List.of(
                                "pm.test('Список торговых точек: 200', function () {",
                                "    pm.response.to.have.status(200);",
                                "});",
                                "pm.test('Есть действующая точка: её merchantId в окружении', function () {",
                                "    const retailers = pm.response.json().Data.Retailer;",
                                "    const active = retailers.find(r => r.isActive && r.status === 'REG');",
                                "    pm.expect(active, 'an active retailer (status REG)').to.be.an('object');",
                                "    pm.environment.set('merchantId', active.merchantId);",
                                "});")));

        ObjectNode createBody = JSON.objectNode();
        ObjectNode createData = createBody.putObject("Data");
        createData.put("customerCode", "{{customerCode}}");
        createData.put("amount", "10");
        createData.put("purpose", "Тестовый платёж");
        createData.putArray("paymentMode").add("sbp").add("card");
        createData.put("redirectUrl", "https://tochka.com/");
        createData.put("merchantId", "{{merchantId}}");
        ObjectNode payBody = JSON.objectNode();
        payBody.put("paymentType", "sbp");
        payBody.put("outcome", "approve");
        ObjectNode refundBody = JSON.objectNode();
        refundBody.putObject("Data").put("amount", "10");
        List<String> payment = List.of("acquiring", "{{api_version}}", "payments", "{{operationId}}");

        folder(
                folders,
                "Платёжные ссылки",
                request(
                        "Создание ссылки на оплату",
                        "POST",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        List.of("acquiring", "{{api_version}}", "payments"),
                        null,
                        createBody,
                        List.of(
                                "pm.test('Ссылка создана: 200', function () {",
                                "    pm.response.to.have.status(200);",
                                "});",
                                "pm.test('Статус CREATED, есть paymentLink: operationId в окружении', function () {",
                                "    const data = pm.response.json().Data;",
                                "    pm.expect(data.status).to.eql('CREATED');",
                                "    pm.expect(data.paymentLink, 'paymentLink').to.be.a('string').that.is.not.empty;",
                                "    pm.expect(data.operationId, 'operationId').to.be.a('string').that.is.not.empty;",
                                "    pm.environment.set('operationId', data.operationId);",
                                "});")),
                api.control()
                        ? request(
                                "Оплата ссылки (тестовый сервер, control API)",
                                "POST",
                                "{{admin_token}}",
                                "{{AS_URL}}",
                                List.of("control", "v1", "payments", "{{operationId}}", "simulate"),
                                null,
                                payBody,
                                List.of(
                                        "pm.test('Оплачено: 200 (нужен admin_token, см. описание переменной)', function () {",
                                        "    pm.response.to.have.status(200);",
                                        "});",
                                        "pm.test('Статус APPROVED', function () {",
                                        "    pm.expect(pm.response.json().Data.Operation[0].status).to.eql('APPROVED');",
                                        "});"))
                        : null,
                request(
                        "Информация об операции",
                        "GET",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        payment,
                        null,
                        null,
                        statusIs("APPROVED")),
                request(
                        "Возврат платежа",
                        "POST",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        concat(payment, "refund"),
                        null,
                        refundBody,
                        List.of(
                                "pm.test('Возврат принят: 200', function () {",
                                "    pm.response.to.have.status(200);",
                                "});",
                                "pm.test('isRefund = true', function () {",
                                "    pm.expect(pm.response.json().Data.isRefund).to.eql(true);",
                                "});")),
                request(
                        "Информация об операции после возврата",
                        "GET",
                        "{{accesstoken_hybrid}}",
                        "{{RS_URL}}",
                        payment,
                        null,
                        null,
                        statusIs("REFUNDED")));
        return collection;
    }

    private static List<String> statusIs(String status) {
        return List.of(
                "pm.test('Информация: 200', function () {",
                "    pm.response.to.have.status(200);",
                "});",
                "pm.test('Статус " + status + "', function () {",
                "    pm.expect(pm.response.json().Data.Operation[0].status).to.eql('" + status + "');",
                "});");
    }

    /** A folder of {@code requests}; a null request is one the target has not (the bank's payment step). */
    private static void folder(ArrayNode folders, String name, @Nullable ObjectNode... requests) {
        ObjectNode folder = folders.addObject();
        folder.put("name", name);
        ArrayNode items = folder.putArray("item");
        for (ObjectNode request : requests) {
            if (request != null) items.add(request);
        }
    }

    /**
     * One request as Postman exports it: bearer auth with {@code token}, the URL as raw text and as its parts, a raw
     * JSON body ({@code body} null: none), and {@code test} as the test script.
     */
    private static ObjectNode request(
            String name,
            String method,
            String token,
            String host,
            List<String> path,
            @Nullable List<List<String>> query,
            @Nullable ObjectNode body,
            List<String> test) {
        ObjectNode item = JSON.objectNode();
        item.put("name", name);
        ObjectNode event = item.putArray("event").addObject();
        event.put("listen", "test");
        ObjectNode script = event.putObject("script");
        script.put("type", "text/javascript");
        ArrayNode exec = script.putArray("exec");
        test.forEach(exec::add);

        ObjectNode request = item.putObject("request");
        ObjectNode auth = request.putObject("auth");
        auth.put("type", "bearer");
        ObjectNode bearer = auth.putArray("bearer").addObject();
        bearer.put("key", "token");
        bearer.put("value", token);
        bearer.put("type", "string");
        request.put("method", method);
        ArrayNode headers = request.putArray("header");
        if (body != null) {
            ObjectNode contentType = headers.addObject();
            contentType.put("key", "Content-Type");
            contentType.put("value", "application/json");
            ObjectNode raw = request.putObject("body");
            raw.put("mode", "raw");
            raw.put("raw", body.toPrettyString());
            raw.putObject("options").putObject("raw").put("language", "json");
        }
        ObjectNode url = request.putObject("url");
        StringBuilder rawUrl = new StringBuilder(host).append('/').append(String.join("/", path));
        if (query != null) {
            ArrayNode params = url.putArray("query");
            String separator = "?";
            for (List<String> pair : query) {
                ObjectNode param = params.addObject();
                param.put("key", pair.get(0));
                param.put("value", pair.get(1));
                rawUrl.append(separator).append(pair.get(0)).append('=').append(pair.get(1));
                separator = "&";
            }
        }
        url.put("raw", rawUrl.toString());
        url.putArray("host").add(host);
        ArrayNode parts = url.putArray("path");
        path.forEach(parts::add);
        item.putArray("response");
        return item;
    }

    private static void value(ArrayNode values, String key, String value, String type, String description) {
        ObjectNode variable = values.addObject();
        variable.put("key", key);
        variable.put("value", value);
        variable.put("type", type);
        variable.put("enabled", true);
        variable.put("description", description);
    }

    private static List<String> concat(List<String> path, String last) {
        return Stream.concat(path.stream(), Stream.of(last)).toList();
    }

    /** The same id for the same server (and key), so a second import replaces the first instead of adding one. */
    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hostOf(String publicUrl) {
        int scheme = publicUrl.indexOf("://");
        return scheme < 0 ? publicUrl : publicUrl.substring(scheme + 3);
    }
}
