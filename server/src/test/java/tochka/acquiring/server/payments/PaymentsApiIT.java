package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** Payment links through the real server: creation rules, bad input, state rules, listing, expiry and registry. */
class PaymentsApiIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();
    private final ApiClient api = server.api();
    private final String code = server.info().customerCode();

    private String create(String fields) {
        return createResponse(fields)
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private ApiResponse createResponse(String fields) {
        return api.post("/acquiring/v1.0/payments", "{\"Data\": {\"customerCode\": \"" + code + "\", " + fields + "}}");
    }

    private JsonNode info(String operationId) {
        return api.get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
    }

    private long count() {
        return api.get("/acquiring/v1.0/payments?customerCode=" + code)
                .expectStatus(200)
                .data()
                .get("Operation")
                .size();
    }

    @Test
    void create_echoes_the_request_and_fills_the_banks_defaults() {
        JsonNode created = createResponse("""
                "amount": 1234.5, "purpose": "Order 42", "paymentMode": ["card", "sbp"], "saveCard": true,
                "paymentLinkId": "order-42", "consumerId": "buyer-7", "merchantId": "200000000001097"
                """).expectStatus(200).data();

        assertThat(created.get("amount").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(created.get("ttl").asInt()).isEqualTo(10080);
        assertThat(created.get("paymentLinkId").asText()).isEqualTo("order-42");
        assertThat(created.get("consumerId").asText()).isEqualTo("buyer-7");
        assertThat(created.get("merchantId").asText()).isEqualTo("200000000001097");
        assertThat(created.get("paymentMode")).extracting(JsonNode::asText).containsExactly("card", "sbp");
        assertThat(created.get("operationId").asText()).hasSize(36);
        assertThat(created.has("customerCode"))
                .as("the bank's create response has no customerCode")
                .isFalse();
    }

    @Test
    void a_link_without_payment_link_id_gets_the_next_sequential_number() {
        String first = info(create("\"amount\": 1, \"purpose\": \"a\", \"paymentMode\": [\"card\"]"))
                .get("paymentLinkId")
                .asText();
        String second = info(create("\"amount\": 1, \"purpose\": \"b\", \"paymentMode\": [\"card\"]"))
                .get("paymentLinkId")
                .asText();

        assertThat(Long.parseLong(second)).isEqualTo(Long.parseLong(first) + 1);
    }

    @Test
    void the_sequential_number_skips_a_number_a_caller_chose_as_its_payment_link_id() {
        long last = Long.parseLong(info(create("\"amount\": 1, \"purpose\": \"a\", \"paymentMode\": [\"card\"]"))
                .get("paymentLinkId")
                .asText());
        String taken = Long.toString(last + 1);
        create("\"amount\": 1, \"purpose\": \"b\", \"paymentMode\": [\"card\"], \"paymentLinkId\": \"" + taken + "\"");

        String next = info(create("\"amount\": 1, \"purpose\": \"c\", \"paymentMode\": [\"card\"]"))
                .get("paymentLinkId")
                .asText();

        assertThat(next).isEqualTo(Long.toString(last + 2));
    }

    @Test
    void a_duplicate_payment_link_id_is_refused_and_creates_nothing() {
        create("\"amount\": 1, \"purpose\": \"a\", \"paymentMode\": [\"card\"], \"paymentLinkId\": \"dup-1\"");
        long before = count();

        createResponse("\"amount\": 2, \"purpose\": \"b\", \"paymentMode\": [\"card\"], \"paymentLinkId\": \"dup-1\"")
                .expectError(400, "Data.paymentLinkId", "dup-1");
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            amount with three decimals   | "amount": "10.001", "purpose": "p", "paymentMode": ["card"]        | Data.amount: must have at most 2 decimal places
            zero amount                  | "amount": 0, "purpose": "p", "paymentMode": ["card"]               | Data.amount: must be greater than 0
            negative amount              | "amount": -5, "purpose": "p", "paymentMode": ["card"]              | Data.amount: must be greater than 0
            amount above the maximum     | "amount": 100000000.01, "purpose": "p", "paymentMode": ["card"]    | Data.amount: must not exceed
            absurd amount                | "amount": 1e400, "purpose": "p", "paymentMode": ["card"]           | Data.amount: must not exceed
            non-numeric amount           | "amount": "ten", "purpose": "p", "paymentMode": ["card"]           | Data.amount: must be a number
            boolean amount               | "amount": true, "purpose": "p", "paymentMode": ["card"]            | Data.amount
            missing amount               | "purpose": "p", "paymentMode": ["card"]                            | Data.amount: field required
            missing purpose              | "amount": 1, "paymentMode": ["card"]                               | Data.purpose: field required
            too long purpose             | "amount": 1, "purpose": "%s", "paymentMode": ["card"]              | Data.purpose: must be at most 140 characters
            number as purpose            | "amount": 1, "purpose": 42, "paymentMode": ["card"]                | Data.purpose: must be a string
            unknown payment mode         | "amount": 1, "purpose": "p", "paymentMode": ["cash"]               | Data.paymentMode[0]: must be one of [sbp, card, tinkoff, dolyame]
            payment mode not an array    | "amount": 1, "purpose": "p", "paymentMode": "card"                 | Data.paymentMode: must be an array
            empty payment modes          | "amount": 1, "purpose": "p", "paymentMode": []                     | Data.paymentMode: must contain at least 1 item
            fractional ttl               | "amount": 1, "purpose": "p", "paymentMode": ["card"], "ttl": 5.5   | Data.ttl: must be an integer
            ttl too long                 | "amount": 1, "purpose": "p", "paymentMode": ["card"], "ttl": 44641 | Data.ttl: must be from 1 to 44640
            relative redirect            | "amount": 1, "purpose": "p", "paymentMode": ["card"], "redirectUrl": "/ok" | Data.redirectUrl: must be an absolute http(s) URL
            short merchant id            | "amount": 1, "purpose": "p", "paymentMode": ["card"], "merchantId": "123" | Data.merchantId: must be exactly 15 characters
            foreign merchant id          | "amount": 1, "purpose": "p", "paymentMode": ["card"], "merchantId": "200000000009999" | is not a retailer of customerCode
            too long link id             | "amount": 1, "purpose": "p", "paymentMode": ["card"], "paymentLinkId": "%s" | Data.paymentLinkId: must be at most 45 characters
            pre-authorization with sbp   | "amount": 1, "purpose": "p", "paymentMode": ["sbp"], "preAuthorization": true | Data.preAuthorization
            pre-authorization as number  | "amount": 1, "purpose": "p", "paymentMode": ["card"], "preAuthorization": 1 | Data.preAuthorization: must be a boolean
            """)
    void bad_input_is_refused_with_a_message_naming_the_field_and_creates_nothing(
            String name, String fields, String message) {
        long before = count();

        createResponse(fields.formatted("x".repeat(141)).replace("\"%s\"", "\"" + "y".repeat(46) + "\""))
                .expectError(400, message);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void malformed_json_and_missing_data_are_refused() {
        api.post("/acquiring/v1.0/payments", "{\"Data\": {").expectError(400, "malformed JSON");
        api.post("/acquiring/v1.0/payments", "").expectError(400, "request body: empty");
        api.post("/acquiring/v1.0/payments", "[1, 2]").expectError(400, "request body");
        api.post("/acquiring/v1.0/payments", "{}").expectError(400, "Data: field required");
        api.post("/acquiring/v1.0/payments", "{\"Data\": {\"customerCode\": \"1\"}, \"Data\": {}}")
                .expectError(400, "Duplicate field");
    }

    @Test
    void every_problem_of_a_request_is_named_at_once() {
        ApiResponse response =
                createResponse("\"amount\": -1, \"paymentMode\": []").expectError(400);

        assertThat(response.json().get("Errors"))
                .extracting(error -> error.get("message").asText())
                .anySatisfy(message -> assertThat(message).startsWith("Data.amount"))
                .anySatisfy(message -> assertThat(message).startsWith("Data.purpose"))
                .anySatisfy(message -> assertThat(message).startsWith("Data.paymentMode"));
    }

    @Test
    void a_mode_the_retailer_has_not_enabled_is_refused() {
        Retailer cardOnly = new Retailer(
                "200000000005555",
                "300000095",
                "Ателье",
                null,
                "5699",
                new BigDecimal("2"),
                null,
                RetailerStatus.REG,
                true,
                List.of(PaymentMode.CARD),
                null);
        DirectoryService directory =
                new DirectoryService(server.application().database().transactions());
        directory.addCompany(
                new Company("300000095", CustomerType.Business, true, "ООО \"АТЕЛЬЕ\"", null, null, null, null, false));
        directory.addRetailer(cardOnly);
        String token = server.application()
                .keys()
                .issue("atelier", Set.copyOf(Permission.ACQUIRING), Set.of("300000095"), null, false)
                .token();

        server.api(token)
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "300000095", "amount": 1, "purpose": "p", "paymentMode": ["card", "sbp"]}}
                """)
                .expectError(400, "Data.paymentMode: sbp is not enabled for merchantId 200000000005555");
    }

    @Test
    void personal_customer_cannot_create_links() {
        api.post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "300000093", "amount": 1, "purpose": "p", "paymentMode": ["card"]}}
                """).expectError(400, "Personal");
    }

    @Test
    void refund_and_capture_are_refused_in_the_wrong_state_and_change_nothing() {
        String operationId = create("\"amount\": 10, \"purpose\": \"p\", \"paymentMode\": [\"card\"]");

        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 1}}")
                .expectError(400, "is CREATED", "APPROVED");
        api.post("/acquiring/v1.0/payments/" + operationId + "/capture", "").expectError(400, "AUTHORIZED");
        server.simulate(operationId, "card", "approve").expectStatus(200);
        api.post("/acquiring/v1.0/payments/" + operationId + "/capture", "").expectError(400, "is APPROVED");
        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 10.01}}")
                .expectError(400, "exceeds what is left to refund", "10");
        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 0}}")
                .expectError(400, "Data.amount: must be greater than 0");
        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{}").expectError(400, "Data: field required");
        api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": null}")
                .expectError(400, "Data: field required");

        JsonNode payment = info(operationId);
        assertThat(payment.get("status").asText()).isEqualTo("APPROVED");
        assertThat(payment.get("Order")).hasSize(1);
    }

    @Test
    void unknown_operation_is_not_found() {
        api.get("/acquiring/v1.0/payments/00000000-0000-0000-0000-000000000000")
                .expectError(404, "00000000-0000-0000-0000-000000000000");
        api.post("/acquiring/v1.0/payments/nope/refund", "{\"Data\": {\"amount\": 1}}")
                .expectError(404, "nope");
        api.post("/acquiring/v1.0/payments/nope/capture", "").expectError(404, "nope");
    }

    @Test
    void an_unpaid_link_expires_after_its_ttl_and_can_no_longer_be_paid() {
        String operationId = create("\"amount\": 5, \"purpose\": \"p\", \"paymentMode\": [\"card\"], \"ttl\": 30");
        server.advanceClock(29);
        assertThat(info(operationId).get("status").asText()).isEqualTo("CREATED");

        server.advanceClock(1);

        assertThat(info(operationId).get("status").asText()).isEqualTo("EXPIRED");
        server.simulate(operationId, "card", "approve").expectError(400, "EXPIRED");
        JsonNode expired = api.get("/acquiring/v1.0/payments?customerCode=" + code + "&status=EXPIRED")
                .expectStatus(200)
                .data()
                .get("Operation");
        assertThat(expired)
                .extracting(operation -> operation.get("operationId").asText())
                .contains(operationId);
    }

    @Test
    void a_declined_attempt_leaves_the_link_payable() {
        String operationId = create("\"amount\": 5, \"purpose\": \"p\", \"paymentMode\": [\"card\"]");

        server.simulate(operationId, "card", "decline").expectStatus(200);
        assertThat(info(operationId).get("status").asText()).isEqualTo("CREATED");
        server.simulate(operationId, "card", "approve").expectStatus(200);
        assertThat(info(operationId).get("status").asText()).isEqualTo("APPROVED");
        server.simulate(operationId, "card", "approve").expectError(400, "only a CREATED link can be paid");
    }

    @Test
    void the_page_count_of_the_whole_list_counts_every_link_once_as_a_dated_list_does() {
        TestServer own = TestServer.start();
        try (own) {
            ApiClient client = own.api();
            String customer = own.info().customerCode();
            String link = "{\"Data\": {\"customerCode\": \"%s\", \"amount\": 1, \"purpose\": \"p\","
                    + " \"paymentMode\": [\"card\"], \"paymentLinkId\": \"%s\"}}";
            client.post("/acquiring/v1.0/payments", link.formatted(customer, "once"))
                    .expectStatus(200);
            client.post("/acquiring/v1.0/payments", link.formatted(customer, "once"))
                    .expectError(400, "Data.paymentLinkId");
            client.post("/acquiring/v1.0/payments", link.formatted(customer, "twice"))
                    .expectStatus(200);
            own.paidCardLink("3");

            String pages = "/acquiring/v1.0/payments?customerCode=" + customer + "&perPage=1";
            int whole = client.get(pages)
                    .expectStatus(200)
                    .json()
                    .at("/Meta/totalPages")
                    .asInt();
            int dated = client.get(pages + "&fromDate=2000-01-01&toDate=2999-12-31")
                    .expectStatus(200)
                    .json()
                    .at("/Meta/totalPages")
                    .asInt();
            assertThat(whole).isEqualTo(3).isEqualTo(dated);
        }
    }

    @Test
    void list_pages_through_a_company_filtered_by_status() {
        TestServer own = TestServer.start();
        try (own) {
            ApiClient client = own.api();
            String customer = own.info().customerCode();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(client.post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": %d, "purpose": "p", "paymentMode": ["sbp"]}}
                        """.formatted(customer, i + 1))
                        .expectStatus(200)
                        .data()
                        .get("operationId")
                        .asText());
            }
            own.simulate(ids.get(0), "sbp", "approve").expectStatus(200);

            ApiResponse page2 = client.get("/acquiring/v1.0/payments?customerCode=" + customer + "&perPage=2&page=2")
                    .expectStatus(200);
            assertThat(page2.json().get("Meta").get("totalPages").asInt()).isEqualTo(3);
            assertThat(page2.data().get("Operation")).hasSize(2);
            assertThat(page2.json().get("Links").get("next").asText()).contains("page=3");
            assertThat(page2.json().get("Links").get("prev").asText()).contains("page=1");
            JsonNode approved = client.get("/acquiring/v1.0/payments?customerCode=" + customer + "&status=APPROVED")
                    .expectStatus(200)
                    .data()
                    .get("Operation");
            assertThat(approved)
                    .extracting(operation -> operation.get("operationId").asText())
                    .containsExactly(ids.get(0));
            String today = approved.get(0).get("createdAt").asText().substring(0, 10);
            assertThat(client.get("/acquiring/v1.0/payments?customerCode=" + customer
                                    + "&fromDate=2020-01-01&toDate=2020-01-02")
                            .expectStatus(200)
                            .data()
                            .get("Operation"))
                    .isEmpty();
            assertThat(client.get("/acquiring/v1.0/payments?customerCode=" + customer + "&fromDate=" + today
                                    + "&toDate=" + today)
                            .expectStatus(200)
                            .data()
                            .get("Operation"))
                    .hasSize(5);
        }
    }

    @Test
    void list_parameters_are_checked() {
        api.get("/acquiring/v1.0/payments").expectError(400, "customerCode: query parameter required");
        api.get("/acquiring/v1.0/payments?customerCode=" + code + "&status=PAID")
                .expectError(400, "status: must be one of");
        api.get("/acquiring/v1.0/payments?customerCode=" + code + "&fromDate=28.11.2026")
                .expectError(400, "fromDate");
        api.get("/acquiring/v1.0/payments?customerCode=" + code + "&fromDate=-999999999-01-01")
                .expectError(400, "fromDate: must be a date YYYY-MM-DD");
        api.get("/acquiring/v1.0/payments?customerCode=" + code + "&perPage=1001")
                .expectError(400, "perPage");
        api.get("/acquiring/v1.0/payments?customerCode=" + code + "&page=0").expectError(400, "page");
        api.get("/acquiring/v1.0/payments?customerCode=" + code + "&fromDate=2026-02-02&toDate=2026-01-01")
                .expectError(400, "fromDate: must not be after toDate");
    }

    @Test
    void a_link_with_receipt_stores_and_returns_the_receipt() {
        JsonNode created = api.post("/acquiring/v1.0/payments_with_receipt", """
                {"Data": {"customerCode": "%s", "amount": "1500.50", "purpose": "Чай и чашка",
                  "paymentMode": ["card", "sbp"], "taxSystemCode": "usn_income",
                  "Client": {"name": "Иван", "email": "ivan@example.com", "phone": "+79990000000"},
                  "Items": [
                    {"name": "Чай", "amount": "500.25", "quantity": 2, "vatType": "vat22", "paymentMethod": "full_payment",
                     "paymentObject": "goods", "measure": "шт."},
                    {"name": "Чашка", "amount": 500, "quantity": "1", "measure": "шт.",
                     "Supplier": {"phone": "+79991234567", "name": "ООО Посуда", "taxCode": "7701234567"}}
                  ]}}
                """.formatted(code))
                .expectStatus(200)
                .data();

        assertThat(created.get("customerCode").asText()).isEqualTo(code);
        assertThat(created.get("Client").get("email").asText()).isEqualTo("ivan@example.com");
        assertThat(created.get("Items")).hasSize(2);
        JsonNode operation = info(created.get("operationId").asText());
        assertThat(operation.get("taxSystemCode").asText()).isEqualTo("usn_income");
        assertThat(operation.get("Items").get(0).get("amount").decimalValue()).isEqualByComparingTo("500.25");
        assertThat(operation.get("Items").get(1).get("Supplier").get("taxCode").asText())
                .isEqualTo("7701234567");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing client  | "Items": [{"name": "a", "amount": 1, "quantity": 1}]                                           | Data.Client: field required
            bad e-mail      | "Client": {"email": "nope"}, "Items": [{"name": "a", "amount": 1, "quantity": 1}]             | Data.Client.email: must be an e-mail address
            missing items   | "Client": {"email": "a@b.ru"}                                                                  | Data.Items: field required
            empty items     | "Client": {"email": "a@b.ru"}, "Items": []                                                     | Data.Items: must contain at least 1 item
            zero quantity   | "Client": {"email": "a@b.ru"}, "Items": [{"name": "a", "amount": 1, "quantity": 0}]           | Data.Items[0].quantity: must be greater than 0
            old vat         | "Client": {"email": "a@b.ru"}, "Items": [{"name": "a", "amount": 1, "quantity": 1, "vatType": "vat20"}] | Data.Items[0].vatType
            bad measure     | "Client": {"email": "a@b.ru"}, "Items": [{"name": "a", "amount": 1, "quantity": 1, "measure": "pcs"}]   | Data.Items[0].measure: must be one of
            items mismatch  | "Client": {"email": "a@b.ru"}, "Items": [{"name": "a", "amount": 0.5, "quantity": 1}]         | the items add up to 0.5
            bad supplier    | "Client": {"email": "a@b.ru"}, "Items": [{"name": "a", "amount": 1, "quantity": 1}], "Supplier": {"phone": "123", "name": "s", "taxCode": "12ab"} | Data.Supplier.phone
            """)
    void bad_receipts_are_refused(String name, String receipt, String message) {
        long before = count();

        api.post(
                        "/acquiring/v1.0/payments_with_receipt",
                        "{\"Data\": {\"customerCode\": \"" + code
                                + "\", \"amount\": 1, \"purpose\": \"p\", \"paymentMode\": [\"card\"], " + receipt
                                + "}}")
                .expectError(400, message);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void todays_card_payments_join_the_registry_once_the_day_is_over() {
        TestServer own = TestServer.start();
        try (own) {
            String card = own.paidCardLink("50");
            String day = own.api()
                    .get("/acquiring/v1.0/payments/" + card)
                    .expectStatus(200)
                    .data()
                    .get("Operation")
                    .get(0)
                    .get("paidAt")
                    .asText()
                    .substring(0, 10);
            String registry = "/acquiring/v1.0/registry?customerCode="
                    + own.info().customerCode() + "&merchantId=" + own.info().merchantId() + "&date=" + day;
            assertThat(own.api().get(registry).expectStatus(200).data().get("Registry"))
                    .isEmpty();

            own.advanceClock(24 * 60);

            JsonNode entries = own.api().get(registry).expectStatus(200).data().get("Registry");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("paymentType").asText()).isEqualTo("card");
            assertThat(entries.get(0).get("totalAmount").decimalValue()).isEqualByComparingTo("50");
            assertThat(entries.get(0).get("payments").get(0).get("commission").decimalValue())
                    .isEqualByComparingTo("1.3");
        }
    }

    /** The paymentId of an SBP payment settled today by the sandbox's company: real, but not the demo retailer's. */
    private String foreignSbpPaymentId() {
        ApiClient sandbox = server.sandbox();
        String operationId = sandbox.post(
                        "/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 100, "purpose": "foreign", "paymentMode": ["sbp"]}}
                """.formatted(server.info().sandboxCustomerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.simulate(operationId, "sbp", "approve").expectStatus(200);
        String paymentId = sandbox.get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0)
                .get("paymentId")
                .asText();
        assertThat(paymentId).as("a settled payment has a paymentId").isNotBlank();
        return paymentId;
    }

    @Test
    void registry_lists_settled_sbp_payments_of_the_day_with_commission() {
        String operationId = create("\"amount\": 100, \"purpose\": \"reg\", \"paymentMode\": [\"sbp\", \"card\"]");
        server.simulate(operationId, "sbp", "approve").expectStatus(200);
        String card = create("\"amount\": 50, \"purpose\": \"reg-card\", \"paymentMode\": [\"card\"]");
        server.simulate(card, "card", "approve").expectStatus(200);
        String otherSbp = create("\"amount\": 30, \"purpose\": \"reg-other\", \"paymentMode\": [\"sbp\"]");
        server.simulate(otherSbp, "sbp", "approve").expectStatus(200);
        String today = info(operationId).get("paidAt").asText().substring(0, 10);

        JsonNode registry = api.get(
                        "/acquiring/v1.0/registry?customerCode=" + code + "&merchantId=200000000001097&date=" + today)
                .expectStatus(200)
                .data()
                .get("Registry");

        assertThat(registry)
                .extracting(entry -> entry.get("paymentType").asText())
                .as("today's card payments are not in the registry yet, as at the bank")
                .containsExactly("sbp");
        JsonNode line = java.util.stream.StreamSupport.stream(
                        registry.get(0).get("payments").spliterator(), false)
                .filter(payment -> payment.get("operationId").asText().equals(operationId))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("commission").decimalValue()).isEqualByComparingTo("2.6");
        assertThat(line.get("enrollmentAmount").decimalValue()).isEqualByComparingTo("97.4");
        api.get("/acquiring/v1.0/registry?customerCode=" + code + "&merchantId=200000000001097")
                .expectError(400, "date: query parameter required");
        String paymentId = info(operationId).get("paymentId").asText();
        JsonNode filtered = api.get("/acquiring/v1.0/registry?customerCode=" + code
                        + "&merchantId=200000000001097&date=" + today + "&paymentId=" + paymentId)
                .expectStatus(200)
                .data()
                .get("Registry");
        assertThat(filtered)
                .as("one entry, of the payment's type, echoing the filter")
                .hasSize(1);
        assertThat(filtered.get(0).get("paymentType").asText()).isEqualTo("sbp");
        assertThat(filtered.get(0).get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(filtered.get(0).get("totalAmount").decimalValue()).isEqualByComparingTo("100");
        assertThat(filtered.get(0).get("payments"))
                .extracting(payment -> payment.get("operationId").asText())
                .as("exactly the payment with that paymentId")
                .containsExactly(operationId);
        assertThat(registry.get(0).get("payments"))
                .extracting(payment -> payment.get("operationId").asText())
                .as("unfiltered, the day has another sbp payment too")
                .contains(operationId, otherSbp);
        assertThat(api.get("/acquiring/v1.0/registry?customerCode=" + code + "&merchantId=200000000001097&date=" + today
                                + "&paymentId=" + foreignSbpPaymentId())
                        .expectStatus(200)
                        .data()
                        .get("Registry"))
                .as("another company's paymentId")
                .isEmpty();
        api.get("/acquiring/v1.0/registry?customerCode=" + code + "&merchantId=200000000009999&date=" + today)
                .expectError(400, "is not a retailer");
    }
}
