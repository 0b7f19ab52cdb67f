package tochka.acquiring.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * Who may touch what, as a matrix: two companies, each with its own key, payments (paid, authorised), consents and
 * webhook; every operation of one key on the other company's things is refused and changes nothing; every
 * permission is enforced exactly where the spec's {@code security} block (as this server publishes it at
 * {@code /openapi.json}) names it; and the sandbox token, a world of its own, never sees or touches what was made
 * through {@code /uapi}. Supersedes the company and permission cases of {@code AuthIT}, which keeps the token
 * mechanics.
 */
class AccessIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    /** A second business company with a retailer of its own, added beside the demo ones. */
    private static final String OTHER_CODE = "300000094";

    private static final String OTHER_MERCHANT = "200000000001099";
    /**
     * The spec's {@code security} blocks of the webhook methods name no permission; this server requires
     * ManageWebhookData there, as docs/webhooks.md and the README say (the scope the spec describes as "receiving
     * webhooks"). The one documented departure from the spec's blocks.
     */
    private static final Map<String, Permission> DOCUMENTED_EXTRA = Map.of(
            "/webhook/v1.0/{client_id}",
            Permission.ManageWebhookData,
            "/webhook/v1.0/{client_id}/test_send",
            Permission.ManageWebhookData);

    private static Company_ a;
    private static Company_ b;

    /** One company's side of the matrix: its key and the things that key made. */
    record Company_(
            String code,
            String merchantId,
            IssuedKey key,
            String paid,
            String authorized,
            String consentId,
            WebhookReceiver receiver) {

        String clientId() {
            return key.key().clientId();
        }
    }

    private final TestServer server = running.get();

    @BeforeAll
    static void two_companies_with_their_own_things() {
        TestServer server = running.get();
        DirectoryService directory =
                new DirectoryService(server.application().database().transactions());
        directory.addCompany(new Company(
                OTHER_CODE,
                CustomerType.Business,
                true,
                "ОБЩЕСТВО \"ЛЮТИК\"",
                "ООО \"ЛЮТИК\"",
                "7701234568",
                "770101001",
                "1027700000013",
                false));
        directory.addRetailer(new Retailer(
                OTHER_MERCHANT,
                OTHER_CODE,
                "Лютик",
                "https://lutik.example",
                "5999",
                new BigDecimal("2.6"),
                "20000033",
                RetailerStatus.REG,
                true,
                List.of(PaymentMode.CARD),
                null));
        a = company(server, DemoData.BUSINESS_CODE, DemoData.MERCHANT_ID);
        b = company(server, OTHER_CODE, OTHER_MERCHANT);
    }

    private static Company_ company(TestServer server, String code, String merchantId) {
        IssuedKey key = server.application()
                .keys()
                .issue("access " + code, Set.copyOf(Permission.ACQUIRING), Set.of(code), null, false);
        ApiClient api = server.api(key.token());
        String paid = create(api, code, merchantId, false);
        server.simulate(paid, "card", "approve").expectStatus(200);
        String authorized = create(api, code, merchantId, true);
        server.simulate(authorized, "card", "authorize").expectStatus(200);
        String consentId = api.get("/consent/v1.0/consents")
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0)
                .get("consentId")
                .asText();
        WebhookReceiver receiver = WebhookReceiver.start();
        api.send("PUT", "/webhook/v1.0/" + key.key().clientId(), """
                {"webhooksList": ["acquiringInternetPayment"], "url": "%s"}""".formatted(receiver.url()))
                .expectStatus(200);
        return new Company_(code, merchantId, key, paid, authorized, consentId, receiver);
    }

    private static String create(ApiClient api, String code, String merchantId, boolean twoStage) {
        return api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "merchantId": "%s", "amount": 10, "purpose": "access",
                 "paymentMode": ["card"], "preAuthorization": %s}}""".formatted(code, merchantId, twoStage))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    // ---- no cross-company read or write -------------------------------------------------------------------------

    static Stream<Arguments> directions() {
        return Stream.of(Arguments.of("B on A's things", false), Arguments.of("A on B's things", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void a_key_neither_reads_nor_writes_another_companys_things(String direction, boolean reversed) {
        Company_ owner = reversed ? b : a;
        Company_ stranger = reversed ? a : b;
        ApiClient api = server.api(stranger.key().token());
        String before = snapshot(owner);
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        String unknown = "00000000-0000-0000-0000-000000000000";
        String unknownAnswer = api.get("/acquiring/v1.0/payments/" + unknown)
                .expectStatus(404)
                .json()
                .get("message")
                .asText();

        for (String id : List.of(owner.paid(), owner.authorized())) {
            String answer = api.get("/acquiring/v1.0/payments/" + id)
                    .expectError(404)
                    .json()
                    .get("message")
                    .asText();
            assertThat(answer.replace(id, unknown))
                    .as("a foreign id reads like a missing one")
                    .isEqualTo(unknownAnswer);
            api.post("/acquiring/v1.0/payments/" + id + "/refund", "{\"Data\": {\"amount\": 1}}")
                    .expectError(404);
            api.post("/acquiring/v1.0/payments/" + id + "/capture", "{\"Data\": {}}")
                    .expectError(404);
        }
        api.get("/acquiring/v1.0/payments?customerCode=" + owner.code()).expectError(403, owner.code());
        api.get("/acquiring/v1.0/retailers?customerCode=" + owner.code()).expectError(403, owner.code());
        api.get("/acquiring/v1.0/registry?customerCode=" + owner.code() + "&merchantId=" + owner.merchantId() + "&date="
                        + today)
                .expectError(403, owner.code());
        api.get("/open-banking/v1.0/customers/" + owner.code()).expectError(403, owner.code());
        api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 1, "purpose": "p", "paymentMode": ["card"]}}""".formatted(owner.code())).expectError(403, owner.code());
        api.post("/acquiring/v1.0/payments_with_receipt", """
                {"Data": {"customerCode": "%s", "amount": 1, "purpose": "p", "paymentMode": ["card"],
                 "Client": {"email": "a@example.com"}, "Items": [{"name": "x", "amount": 1, "quantity": 1}]}}""".formatted(owner.code()))
                .expectError(403, owner.code());
        api.get("/consent/v1.0/consents/" + owner.consentId()).expectError(404);
        api.get("/v1.0/consents/" + owner.consentId()).expectError(404);
        String webhook = "/webhook/v1.0/" + owner.clientId();
        api.get(webhook).expectError(403);
        api.send("PUT", webhook, "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"https://example.com\"}")
                .expectError(403);
        api.post(webhook, "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"https://example.com\"}")
                .expectError(403);
        api.post(webhook + "/test_send", "{\"webhookType\": \"acquiringInternetPayment\"}")
                .expectError(403);
        api.send("DELETE", webhook, null).expectError(403);

        // What the stranger may list of its own holds none of the owner's things.
        String own = String.join(
                "\n",
                api.get("/acquiring/v1.0/payments?customerCode=" + stranger.code())
                        .expectStatus(200)
                        .body(),
                api.get("/acquiring/v1.0/registry?customerCode=" + stranger.code() + "&merchantId="
                                + stranger.merchantId() + "&date=" + today)
                        .expectStatus(200)
                        .body(),
                api.get("/acquiring/v1.0/retailers?customerCode=" + stranger.code())
                        .expectStatus(200)
                        .body(),
                api.get("/open-banking/v1.0/customers").expectStatus(200).body(),
                api.get("/consent/v1.0/consents").expectStatus(200).body());
        assertThat(own)
                .doesNotContain(
                        owner.paid(),
                        owner.authorized(),
                        owner.code(),
                        owner.merchantId(),
                        owner.consentId(),
                        owner.clientId());
        assertThat(snapshot(owner))
                .as("the owner's things after the stranger's attempts")
                .isEqualTo(before);
    }

    /** The owner's payments, consents and webhook as the owner reads them. */
    private String snapshot(Company_ owner) {
        ApiClient api = server.api(owner.key().token());
        List<String> parts = new ArrayList<>();
        for (String id : List.of(owner.paid(), owner.authorized())) {
            JsonNode operation = api.get("/acquiring/v1.0/payments/" + id)
                    .expectStatus(200)
                    .data()
                    .get("Operation")
                    .get(0);
            parts.add(id + " " + operation.path("status").asText() + " "
                    + operation.path("amount").asText() + " " + operation.path("Refunds"));
        }
        parts.add(api.get("/consent/v1.0/consents/" + owner.consentId())
                .expectStatus(200)
                .data()
                .toString());
        parts.add(api.get("/webhook/v1.0/" + owner.clientId())
                .expectStatus(200)
                .data()
                .toString());
        return String.join("\n", parts);
    }

    // ---- every permission where the spec requires it, and only there ---------------------------------------------

    /** One operation the server publishes, with the permissions its {@code security} block names. */
    record Operation(String method, String path, Set<Permission> required) {
        @Override
        public String toString() {
            return method + " " + path + " needs " + required;
        }
    }

    private List<Operation> publishedOperations() {
        JsonNode document =
                server.admin().get("/openapi.json").expectStatus(200).json();
        List<Operation> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (!List.of("get", "post", "put", "delete", "patch").contains(entry.getKey())) return;
                    Set<Permission> required = EnumSet.noneOf(Permission.class);
                    for (JsonNode requirement : entry.getValue().path("security")) {
                        requirement
                                .properties()
                                .forEach(scheme -> scheme.getValue()
                                        .forEach(scope -> required.add(Permission.valueOf(scope.asText()))));
                    }
                    if (DOCUMENTED_EXTRA.containsKey(path.getKey())) required.add(DOCUMENTED_EXTRA.get(path.getKey()));
                    operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), required));
                }));
        return operations;
    }

    @Test
    void every_permission_is_required_exactly_where_the_spec_says() {
        List<Operation> operations = publishedOperations();
        assertThat(operations).as("the operations /openapi.json publishes").hasSize(18);
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Permission missing : Permission.ACQUIRING) {
            Set<Permission> held = EnumSet.copyOf(Permission.ACQUIRING);
            held.remove(missing);
            Company_ fresh = freshThings(held);
            ApiClient api = server.api(fresh.key().token());
            for (Operation operation : operations) {
                ApiResponse answer = call(api, operation, fresh);
                boolean refused = answer.status() == 403 && answer.body().contains(missing.name());
                boolean needed = operation.required().contains(missing);
                if (refused != needed) {
                    wrong.put(operation + " without " + missing, answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(wrong)
                .as("operations whose refusal does not follow the spec's security blocks")
                .isEmpty();
    }

    @Test
    void a_key_with_only_the_permissions_an_operation_needs_may_call_it() {
        for (Operation operation : publishedOperations()) {
            Set<Permission> held = operation.required().isEmpty()
                    ? EnumSet.of(Permission.ReadBalances)
                    : EnumSet.copyOf(operation.required());
            Company_ fresh = freshThings(held);
            ApiResponse answer = call(server.api(fresh.key().token()), operation, fresh);
            assertThat(answer.status())
                    .as("%s with only %s: %s", operation, held, answer.body())
                    .isNotEqualTo(403);
        }
    }

    /**
     * A key of company A holding {@code permissions}, with payments the demo key made for it (so every operation has
     * something of its own company to act on).
     */
    private Company_ freshThings(Set<Permission> permissions) {
        IssuedKey key = server.application().keys().issue("permissions", permissions, Set.of(a.code()), null, false);
        String paid = create(server.api(a.key().token()), a.code(), a.merchantId(), false);
        server.simulate(paid, "card", "approve").expectStatus(200);
        String authorized = create(server.api(a.key().token()), a.code(), a.merchantId(), true);
        server.simulate(authorized, "card", "authorize").expectStatus(200);
        String consentId = server.api(key.token())
                .get("/consent/v1.0/consents")
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0)
                .get("consentId")
                .asText();
        return new Company_(a.code(), a.merchantId(), key, paid, authorized, consentId, a.receiver());
    }

    /** A well-formed call of {@code operation} on {@code own}'s things. */
    private static ApiResponse call(ApiClient api, Operation operation, Company_ own) {
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        String path = operation
                .path()
                .replace("{operationId}", operation.path().endsWith("/capture") ? own.authorized() : own.paid())
                .replace("{customerCode}", own.code())
                .replace("{consentId}", own.consentId())
                .replace("{client_id}", own.clientId());
        String query = switch (path) {
            case "/acquiring/v1.0/payments", "/acquiring/v1.0/retailers" ->
                operation.method().equals("GET") ? "?customerCode=" + own.code() : "";
            case "/acquiring/v1.0/registry" ->
                "?customerCode=" + own.code() + "&merchantId=" + own.merchantId() + "&date=" + today;
            default -> "";
        };
        String body = switch (operation.method() + " " + operation.path()) {
            case "POST /acquiring/v1.0/payments" -> """
                    {"Data": {"customerCode": "%s", "amount": 1, "purpose": "p", "paymentMode": ["card"]}}""".formatted(own.code());
            case "POST /acquiring/v1.0/payments_with_receipt" -> """
                    {"Data": {"customerCode": "%s", "amount": 1, "purpose": "p", "paymentMode": ["card"],
                     "Client": {"email": "a@example.com"}, "Items": [{"name": "x", "amount": 1, "quantity": 1}]}}""".formatted(own.code());
            case "POST /acquiring/v1.0/payments/{operationId}/refund" -> "{\"Data\": {\"amount\": 1}}";
            case "POST /acquiring/v1.0/payments/{operationId}/capture" -> "{\"Data\": {}}";
            case "POST /consent/v1.0/consents" -> "{\"Data\": {\"permissions\": [\"ReadBalances\"]}}";
            case "PUT /webhook/v1.0/{client_id}", "POST /webhook/v1.0/{client_id}" ->
                """
                    {"webhooksList": ["acquiringInternetPayment"], "url": "%s"}""".formatted(own.receiver().url());
            case "POST /webhook/v1.0/{client_id}/test_send" -> "{\"webhookType\": \"acquiringInternetPayment\"}";
            default -> null;
        };
        return api.send(operation.method(), path + query, body);
    }

    // ---- the sandbox is a world of its own (finding 4) -----------------------------------------------------------

    @Test
    void the_sandbox_token_neither_sees_nor_touches_payments_made_through_uapi() {
        ApiClient sandbox = server.sandbox();
        String demo = DemoData.BUSINESS_CODE;
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        String unknownAnswer = sandbox.get("/acquiring/v1.0/payments/00000000-0000-0000-0000-000000000000")
                .expectStatus(404)
                .json()
                .get("message")
                .asText();

        for (String id : List.of(a.paid(), a.authorized())) {
            String answer = sandbox.get("/acquiring/v1.0/payments/" + id)
                    .expectError(404)
                    .json()
                    .get("message")
                    .asText();
            assertThat(answer.replace(id, "00000000-0000-0000-0000-000000000000"))
                    .isEqualTo(unknownAnswer);
            sandbox.post("/acquiring/v1.0/payments/" + id + "/refund", "{\"Data\": {\"amount\": 1}}")
                    .expectError(404);
            sandbox.post("/acquiring/v1.0/payments/" + id + "/capture", "{\"Data\": {}}")
                    .expectError(404);
        }
        String seen = String.join(
                "\n",
                sandbox.get("/acquiring/v1.0/payments?customerCode=" + demo).body(),
                sandbox.get("/acquiring/v1.0/registry?customerCode=" + demo + "&merchantId=" + DemoData.MERCHANT_ID
                                + "&date=" + today)
                        .body(),
                sandbox.get("/consent/v1.0/consents").body(),
                sandbox.get("/open-banking/v1.0/customers").body());
        assertThat(seen).doesNotContain(a.paid(), a.authorized(), a.consentId(), a.clientId(), b.code());
        sandbox.get("/webhook/v1.0/" + a.clientId()).expectError(403);

        // And the other way round: what the sandbox makes, /uapi keys do not see.
        String sandboxPayment = sandbox.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 1, "purpose": "p", "paymentMode": ["card"]}}""".formatted(DemoData.SANDBOX_BUSINESS_CODE))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.api(a.key().token())
                .get("/acquiring/v1.0/payments/" + sandboxPayment)
                .expectError(404);
        assertThat(server.api(a.key().token())
                        .get("/acquiring/v1.0/payments?customerCode=" + demo)
                        .body())
                .doesNotContain(sandboxPayment);
    }

    @Test
    void the_sandbox_token_can_create_a_consent() {
        server.sandbox()
                .post("/consent/v1.0/consents", "{\"Data\": {\"permissions\": [\"ReadBalances\"]}}")
                .expectStatus(200);
    }

    @Test
    void head_on_an_api_method_needs_authentication_as_get_does() {
        for (String path : List.of(
                "/acquiring/v1.0/payments?customerCode=" + a.code(),
                "/acquiring/v1.0/payments/" + a.paid(),
                "/open-banking/v1.0/customers")) {
            ApiResponse answer = server.api().withAuthorization(null).send("HEAD", path, null);
            assertThat(answer.status()).as("HEAD %s without a token", path).isIn(403, 405);
        }
    }

    @AfterAll
    static void stop_receivers() {
        if (a != null) a.receiver().close();
        if (b != null) b.receiver().close();
    }
}
