package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.PageClient.Page;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The console's Payments over HTTP, without JavaScript: the list and its filters, a payment's page, refund and
 * capture and the test-control actions as forms that act once, and that another company's payment is not there.
 */
class ConsolePaymentsIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    // ---- the list -------------------------------------------------------------------------------------------------

    @Test
    void the_list_shows_payments_newest_first_and_filters_them_by_status_text_company_and_date() {
        String marker = marker();
        String older = link(marker + " first", "10.00");
        String newer = link(marker + " second", "20.00");
        server.control().pay(newer);
        PageClient admin = ConsoleLogin.admin(server);

        String all =
                admin.get("/console/payments?q=" + marker).expectStatus(200).body();
        assertThat(all).contains("id=\"payment-" + older + "\"", "id=\"payment-" + newer + "\"");
        assertThat(all.indexOf("payment-" + newer)).as("newest first").isLessThan(all.indexOf("payment-" + older));
        assertThat(all).contains("20,00", "Оплачен", "id=\"live\"", "console-live.js");

        String approved = admin.get("/console/payments?status=APPROVED&q=" + marker)
                .expectStatus(200)
                .body();
        assertThat(approved).contains("payment-" + newer).doesNotContain("payment-" + older);
        String byLinkText =
                admin.get("/console/payments?q=" + older.substring(0, 13)).body();
        assertThat(byLinkText).contains("payment-" + older);
        String upperCase =
                admin.get("/console/payments?q=" + marker.toUpperCase()).body();
        assertThat(upperCase).as("the text is case-blind").contains("payment-" + older);

        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        String company = server.customerCode();
        assertThat(admin.get("/console/payments?company=" + company + "&from=" + today + "&to=" + today + "&q="
                                + marker)
                        .expectStatus(200)
                        .body())
                .contains("payment-" + older, "payment-" + newer);
        assertThat(admin.get("/console/payments?from=2001-01-01&to=2001-12-31&q=" + marker)
                        .expectStatus(200)
                        .body())
                .contains("id=\"payments-empty\"")
                .doesNotContain("payment-" + older);
        assertThat(admin.get("/console/payments?company=" + server.sandboxCustomerCode() + "&q=" + marker)
                        .body())
                .doesNotContain("payment-" + older);
    }

    @Test
    void the_text_search_takes_like_wildcards_literally() {
        String marker = marker();
        String percent = link(marker + " 100%_off", "5.00");
        String plain = link(marker + " 1000 off", "5.00");
        PageClient admin = ConsoleLogin.admin(server);

        String found =
                admin.get("/console/payments?q=" + encode(marker + " 100%_")).body();
        String underscore =
                admin.get("/console/payments?q=" + encode(marker + " 100_")).body();

        assertThat(found).contains("payment-" + percent).doesNotContain("payment-" + plain);
        assertThat(underscore).contains("id=\"payments-empty\"");
    }

    @Test
    void bad_filter_values_are_a_message_never_an_error() {
        PageClient admin = ConsoleLogin.admin(server);
        String[][] cases = {
            {"status=PAID", "Нет такого статуса"},
            {"from=2024-13-45", "Дата «с»"},
            {"to=yesterday", "Дата «по»"},
            {"from=2025-02-01&to=2025-01-01", "позже"},
            {"from=%2B999999999-12-31", "Дата «с»"},
            {"q=" + "x".repeat(101), "длиннее 100"},
            {"page=0", "Номер страницы"},
            {"page=99999999999999", "Номер страницы"},
            {"page=abc", "Номер страницы"},
            {"company=999999999", "Нет такой компании"},
            {"company=" + encode("' OR 1=1 --"), "Нет такой компании"},
        };
        for (String[] bad : cases) {
            Page page = admin.get("/console/payments?" + bad[0]);
            assertThat(page.status()).as(bad[0]).isEqualTo(400);
            assertThat(page.body()).as(bad[0]).contains("id=\"filter-error\"", bad[1]);
            assertThat(page.body()).as("the form keeps what was typed").contains("id=\"payments-filters\"");
        }
        Page english = admin.get("/console/payments?lang=en&status=PAID");
        assertThat(english.body()).contains("No such payment status");
        assertThat(admin.get("/console/payments/changes?status=PAID").body()).contains("\"version\":\"\"");
    }

    @Test
    void the_list_pages_by_fifty() {
        String marker = marker();
        for (int i = 0; i < 51; i++) link(marker + " n" + i, "1.00");
        PageClient admin = ConsoleLogin.admin(server);

        String first =
                admin.get("/console/payments?q=" + marker).expectStatus(200).body();
        String second = admin.get("/console/payments?page=2&q=" + marker)
                .expectStatus(200)
                .body();

        assertThat(count(first, "<tr id=\"payment-")).isEqualTo(50);
        assertThat(first).contains("id=\"page-older\"").doesNotContain("id=\"page-newer\"");
        assertThat(count(second, "<tr id=\"payment-")).isEqualTo(1);
        assertThat(second).contains("id=\"page-newer\"", marker + " n0").doesNotContain("id=\"page-older\"");
    }

    // ---- a payment and its actions -----------------------------------------------------------------------------

    @Test
    void a_payments_page_shows_its_details_and_history() {
        String operationId = server.paidCardLink("150.00");
        PageClient admin = ConsoleLogin.admin(server);

        String page =
                admin.get("/console/payments/" + operationId).expectStatus(200).body();

        assertThat(page)
                .contains("id=\"payment-status\"", "data-status=\"APPROVED\"")
                .contains("id=\"payment-remaining\">150,00")
                .contains("id=\"payment-paid-by\"", "id=\"payment-orders\"", "Оплата")
                .contains("id=\"payment-link\"><a href=\"/order/?uuid=" + operationId)
                .doesNotContain("id=\"payment-webhooks\"", "id=\"payment-requests\"");
        assertThat(admin.get("/console/payments/" + operationId + "?lang=en").body())
                .contains("Left to refund", "150.00 RUB");
        assertThat(admin.get("/console/payments/not-an-operation").status()).isEqualTo(404);
        assertThat(admin.get("/console/payments/" + "x".repeat(500)).status()).isEqualTo(404);
    }

    @Test
    void a_refund_shows_the_remaining_amount_and_refunds_exactly_what_was_typed() {
        String operationId = server.paidCardLink("100.00");
        PageClient admin = ConsoleLogin.admin(server);
        Page page = admin.get("/console/payments/" + operationId).expectStatus(200);
        assertThat(page.body()).contains("id=\"refund-remaining\">Можно вернуть: 100,00", "value=\"100,00\"");

        Page refunded = refund(admin, page, "30,5");

        assertThat(refunded.status()).isEqualTo(303);
        assertThat(refunded.location()).isEqualTo("/console/payments/" + operationId + "?done=refund");
        assertThat(status(operationId)).isEqualTo("REFUNDED_PARTIALLY");
        assertThat(refundedAmount(operationId)).isEqualByComparingTo("30.50");
        Page after = admin.get(refunded.location()).expectStatus(200);
        assertThat(after.body()).contains("id=\"payment-notice\"", "Можно вернуть: 69,50", "value=\"69,50\"");

        refund(admin, after, "69.50").expectStatus(303);
        assertThat(status(operationId)).isEqualTo("REFUNDED");
        assertThat(admin.get("/console/payments/" + operationId).body()).doesNotContain("id=\"refund-form\"");
    }

    @Test
    void the_same_refund_form_posted_twice_refunds_once() {
        String operationId = server.paidCardLink("80.00");
        PageClient admin = ConsoleLogin.admin(server);
        Page page = admin.get("/console/payments/" + operationId).expectStatus(200);

        Page first = refund(admin, page, "10");
        Page second = refund(admin, page, "10");

        assertThat(first.location()).endsWith("?done=refund");
        assertThat(second.status()).isEqualTo(303);
        assertThat(second.location()).endsWith("?done=repeated");
        assertThat(refundedAmount(operationId)).isEqualByComparingTo("10");
        assertThat(admin.get(second.location()).body()).contains("уже была отправлена", "Можно вернуть: 70,00");
    }

    @Test
    void bad_refund_amounts_show_the_page_with_a_message_and_change_nothing() {
        String operationId = server.paidCardLink("100.00");
        PageClient admin = ConsoleLogin.admin(server);
        Page page = admin.get("/console/payments/" + operationId).expectStatus(200);
        String[][] cases = {
            {"0", "больше нуля"},
            {"0,00", "больше нуля"},
            {"100.01", "не больше 100,00"},
            {"1.234", "двух знаков"},
            {"десять", "числом рублей"},
            {"-5", "числом рублей"},
            {"1e3", "числом рублей"},
            {"99999999999999999999", "числом рублей"},
            {"999999999999", "не больше"},
            {"", "Укажите сумму"},
            {"1".repeat(200), "числом рублей"},
        };
        for (String[] bad : cases) {
            Page answer = refund(admin, page, bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body()).as(bad[0]).contains("id=\"payment-error\"", bad[1], "id=\"refund-form\"");
        }
        assertThat(refundedAmount(operationId)).isEqualByComparingTo("0");
        assertThat(status(operationId)).isEqualTo("APPROVED");
        // Thousands grouped with a space, as Russian writes them, are an amount too.
        refund(admin, page, " 1 0,25 ").expectStatus(303);
        assertThat(refundedAmount(operationId)).isEqualByComparingTo("10.25");
    }

    @Test
    void a_held_two_stage_payment_is_captured_once() {
        String operationId = create("""
                "amount": 42.00, "purpose": "hold", "paymentMode": ["card"], "preAuthorization": true""");
        server.control().authorize(operationId);
        PageClient admin = ConsoleLogin.admin(server);
        Page page = admin.get("/console/payments/" + operationId).expectStatus(200);
        assertThat(page.body()).contains("id=\"capture-form\"", "data-status=\"AUTHORIZED\"");
        assertThat(page.body()).doesNotContain("id=\"refund-form\"");
        String token = field(page.body(), "capture-form");

        Page captured = admin.post("/console/payments/" + operationId + "/capture", "csrf", page.csrf(), "once", token);
        Page again = admin.post("/console/payments/" + operationId + "/capture", "csrf", page.csrf(), "once", token);

        assertThat(captured.location()).endsWith("?done=capture");
        assertThat(again.location()).endsWith("?done=repeated");
        assertThat(status(operationId)).isEqualTo("APPROVED");
    }

    @Test
    void the_test_control_forms_pay_decline_and_expire_a_link() {
        PageClient admin = ConsoleLogin.admin(server);
        String toPay = create("\"amount\": 12.00, \"purpose\": \"control\", \"paymentMode\": [\"card\", \"sbp\"]");
        Page page = admin.get("/console/payments/" + toPay).expectStatus(200);
        assertThat(page.body()).contains("id=\"control-forms\"", "<option value=\"sbp\">");

        Page declined = admin.post(
                "/console/payments/" + toPay + "/decline",
                "csrf",
                page.csrf(),
                "once",
                field(page.body(), "decline-form"));
        assertThat(declined.location()).endsWith("?done=decline");
        assertThat(status(toPay)).isEqualTo("CREATED");
        Page paid = admin.post(
                "/console/payments/" + toPay + "/pay",
                "csrf",
                page.csrf(),
                "once",
                field(page.body(), "pay-form"),
                "mode",
                "sbp");
        assertThat(paid.location()).endsWith("?done=pay");
        assertThat(status(toPay)).isEqualTo("APPROVED");
        assertThat(info(toPay).get("paymentType").asText()).isEqualTo("sbp");

        String toExpire = create("\"amount\": 13.00, \"purpose\": \"control\", \"paymentMode\": [\"card\"]");
        Page expiring = admin.get("/console/payments/" + toExpire).expectStatus(200);
        admin.post(
                        "/console/payments/" + toExpire + "/expire",
                        "csrf",
                        expiring.csrf(),
                        "once",
                        field(expiring.body(), "expire-form"))
                .expectStatus(303);
        assertThat(status(toExpire)).isEqualTo("EXPIRED");
        assertThat(admin.get("/console/payments/" + toExpire).body())
                .contains("data-status=\"EXPIRED\"")
                .doesNotContain("id=\"control-forms\"");

        // A stale form on a paid link: the service refuses, the page says why, nothing changes.
        Page stale = admin.post(
                "/console/payments/" + toExpire + "/pay",
                "csrf",
                expiring.csrf(),
                "once",
                field(expiring.body(), "pay-form"));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("id=\"payment-error\"", "EXPIRED");
    }

    @Test
    void the_state_answer_changes_when_the_buyer_pays() {
        String operationId = link(marker(), "7.00");
        PageClient admin = ConsoleLogin.admin(server);
        String before = admin.get("/console/payments/" + operationId + "/state")
                .expectStatus(200)
                .body();
        String listBefore =
                admin.get("/console/payments/changes").expectStatus(200).body();

        server.control().pay(operationId);

        Page after = admin.get("/console/payments/" + operationId + "/state").expectStatus(200);
        assertThat(before).contains("\"status\":\"CREATED\"");
        assertThat(after.body()).contains("\"status\":\"APPROVED\"").isNotEqualTo(before);
        assertThat(after.header("Content-Type")).startsWith("application/json");
        assertThat(after.header("Cache-Control")).isEqualTo("no-store");
        assertThat(admin.get("/console/payments/changes").body()).isNotEqualTo(listBefore);
        assertThat(new PageClient(server.url())
                        .get("/console/payments/" + operationId + "/state")
                        .status())
                .as("no session, no state")
                .isEqualTo(303);
    }

    @Test
    void with_test_control_off_there_are_no_control_forms_and_their_posts_answer_404() {
        try (TestServer off = TestServer.start(Config.forTests(TestServer.tempDir(), null).toBuilder()
                .controlEnabled(false)
                .build())) {
            String operationId = off.api()
                    .post("/acquiring/v1.0/payments", """
                            {"Data": {"customerCode": "%s", "amount": 3, "purpose": "p", "paymentMode": ["card"]}}
                            """.formatted(off.customerCode()))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            PageClient admin = ConsoleLogin.admin(off);
            Page page = admin.get("/console/payments/" + operationId).expectStatus(200);

            assertThat(page.body()).doesNotContain("id=\"control-forms\"", "id=\"pay-form\"");
            assertThat(admin.post("/console/payments/" + operationId + "/pay", "csrf", page.csrf(), "once", "ab")
                            .status())
                    .isEqualTo(404);
            assertThat(admin.get("/console/payments/" + operationId + "/state").body())
                    .contains("\"status\":\"CREATED\"");
        }
    }

    // ---- who sees what -------------------------------------------------------------------------------------------

    @Test
    void another_companys_payment_is_not_found_on_its_page_its_state_and_every_form() {
        String paid = server.paidCardLink("60.00");
        String unpaid = link(marker(), "9.00");
        String held = create("\"amount\": 11.00, \"purpose\": \"hold\", \"paymentMode\": [\"card\"], "
                + "\"preAuthorization\": true");
        server.control().authorize(held);
        // The admin's page of each, with real form tokens a stranger could have copied.
        PageClient admin = ConsoleLogin.admin(server);
        String paidPage = admin.get("/console/payments/" + paid).body();
        String unpaidPage = admin.get("/console/payments/" + unpaid).body();
        String heldPage = admin.get("/console/payments/" + held).body();
        String login = ConsoleLogin.companyUser(server, "sandbox.only." + marker(), server.sandboxCustomerCode());
        PageClient stranger = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);
        String csrf = stranger.get("/console/payments").expectStatus(200).csrf();

        for (String id : new String[] {paid, unpaid, held}) {
            assertThat(stranger.get("/console/payments/" + id).status()).isEqualTo(404);
            assertThat(stranger.get("/console/payments/" + id + "/state").status())
                    .isEqualTo(404);
        }
        assertThat(stranger.post(
                                "/console/payments/" + paid + "/refund",
                                "csrf",
                                csrf,
                                "once",
                                field(paidPage, "refund-form"),
                                "amount",
                                "60")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.post(
                                "/console/payments/" + held + "/capture",
                                "csrf",
                                csrf,
                                "once",
                                field(heldPage, "capture-form"))
                        .status())
                .isEqualTo(404);
        for (String action : new String[] {"pay", "decline", "expire"}) {
            assertThat(stranger.post(
                                    "/console/payments/" + unpaid + "/" + action,
                                    "csrf",
                                    csrf,
                                    "once",
                                    field(unpaidPage, action + "-form"))
                            .status())
                    .as(action)
                    .isEqualTo(404);
        }
        assertThat(status(paid)).isEqualTo("APPROVED");
        assertThat(refundedAmount(paid)).isEqualByComparingTo("0");
        assertThat(status(held)).isEqualTo("AUTHORIZED");
        assertThat(status(unpaid)).isEqualTo("CREATED");

        String list = stranger.get("/console/payments").expectStatus(200).body();
        assertThat(list).doesNotContain(paid, unpaid, held, server.customerCode());
        Page foreignFilter = stranger.get("/console/payments?company=" + server.customerCode());
        assertThat(foreignFilter.status()).isEqualTo(400);
        assertThat(foreignFilter.body()).contains("Нет такой компании").doesNotContain(paid);
        // The admin's forms still work afterwards: the stranger's posts spent none of their tokens.
        admin.post(
                        "/console/payments/" + paid + "/refund",
                        "csrf",
                        csrf(paidPage),
                        "once",
                        field(paidPage, "refund-form"),
                        "amount",
                        "1")
                .expectStatus(303);
        assertThat(refundedAmount(paid)).isEqualByComparingTo("1");
    }

    @Test
    void a_company_user_sees_and_refunds_their_own_companys_payments() {
        String paid = server.paidCardLink("25.00");
        String sandbox = server.sandbox()
                .post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 5, "purpose": "sandbox", "paymentMode": ["card"]}}
                        """.formatted(server.sandboxCustomerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        String login = ConsoleLogin.companyUser(server, "demo.only." + marker(), server.customerCode());
        PageClient user = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);

        String list = user.get("/console/payments").expectStatus(200).body();
        Page page = user.get("/console/payments/" + paid).expectStatus(200);

        assertThat(list).contains("payment-" + paid).doesNotContain(sandbox);
        assertThat(list).doesNotContain("<option value=\"" + server.sandboxCustomerCode() + "\"");
        assertThat(user.get("/console/payments/" + sandbox).status()).isEqualTo(404);
        refund(user, page, "5").expectStatus(303);
        assertThat(refundedAmount(paid)).isEqualByComparingTo("5");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private String link(String purpose, String amount) {
        return create("\"amount\": " + amount + ", \"purpose\": \"" + purpose + "\", \"paymentMode\": [\"card\"]");
    }

    private String create(String fields) {
        return server.api()
                .post(
                        "/acquiring/v1.0/payments",
                        "{\"Data\": {\"customerCode\": \"" + server.customerCode() + "\", " + fields + "}}")
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private JsonNode info(String operationId) {
        return server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
    }

    private String status(String operationId) {
        return info(operationId).get("status").asText();
    }

    /** What the API's {@code Order[]} says was refunded. */
    private BigDecimal refundedAmount(String operationId) {
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode order : info(operationId).get("Order")) {
            if (order.get("type").asText().equals("refund"))
                refunded = refunded.add(order.get("amount").decimalValue());
        }
        return refunded;
    }

    private static Page refund(PageClient client, Page page, String amount) {
        String action = attribute(page.body(), "refund-form", "action");
        return client.post(action, "csrf", page.csrf(), "once", field(page.body(), "refund-form"), "amount", amount);
    }

    /** The one-time token of the form {@code formId} on {@code html}. */
    private static String field(String html, String formId) {
        Matcher matcher = Pattern.compile(
                        "id=\"" + formId + "\"[^>]*>\\s*<input type=\"hidden\" name=\"csrf\" value=\"[0-9a-f]+\">"
                                + "\\s*<input type=\"hidden\" name=\"once\" value=\"([0-9a-f]+)\">")
                .matcher(html);
        assertThat(matcher.find()).as("form %s in %s", formId, html).isTrue();
        return matcher.group(1);
    }

    private static String attribute(String html, String formId, String name) {
        Matcher matcher = Pattern.compile("<form[^>]*" + name + "=\"([^\"]+)\"[^>]*id=\"" + formId + "\"")
                .matcher(html);
        assertThat(matcher.find()).as("form %s", formId).isTrue();
        return matcher.group(1);
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
        return count;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
