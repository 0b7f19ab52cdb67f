package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.PageClient.Page;
import tochka.acquiring.server.testing.QrCodes;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** Every page and form of the hosted checkout over plain HTTP: good and bad input, replays, expiry, redirects. */
class CheckoutPagesIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final String SHOP = "https://shop.example/thanks";
    private static final String SHOP_FAIL = "https://shop.example/sorry";

    private final TestServer server = running.get();
    private final PageClient browser = new PageClient(server.info().publicUrl());

    private String link(String extra) {
        return server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": "1500.50", "purpose": "Заказ 7",
                          "paymentMode": ["card", "sbp", "tinkoff", "dolyame"]%s}}
                """.formatted(server.info().customerCode(), extra))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private JsonNode operation(String operationId) {
        return server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
    }

    private Page payByCard(String operationId, String number) {
        String csrf =
                browser.get("/order/card?uuid=" + operationId).expectStatus(200).csrf();
        return browser.post(
                "/order/card?uuid=" + operationId,
                "csrf",
                csrf,
                "number",
                number,
                "month",
                "12",
                "year",
                "30",
                "cvc",
                "123",
                "email",
                "buyer@example.com");
    }

    @Test
    void the_order_page_shows_the_order_and_one_button_per_mode_with_strict_headers() {
        String operationId = link(", \"paymentLinkId\": \"A-77\"");

        Page page = browser.get("/order/?uuid=" + operationId).expectStatus(200);

        assertThat(page.body())
                .contains("ООО \"РОМАШКА\"")
                .contains("1\u00a0500,50\u00a0₽")
                .contains("A-77")
                .contains("Заказ 7")
                .contains("id=\"pay-card\"")
                .contains("id=\"pay-sbp\"")
                .contains("id=\"pay-tinkoff\"")
                .contains("id=\"pay-dolyame\"")
                .contains("Выберите способ оплаты");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Set-Cookie"))
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/order");
    }

    @Test
    void the_page_speaks_english_on_request_and_remembers_it() {
        String operationId = link("");

        assertThat(browser.get("/order/?uuid=" + operationId + "&lang=en").body())
                .contains("Choose how to pay")
                .contains("1,500.50 RUB");
        assertThat(browser.get("/order/card?uuid=" + operationId).body()).contains("Card number");
    }

    @Test
    void unknown_expired_and_paid_links_get_their_own_pages() {
        assertThat(browser.get("/order/?uuid=00000000-0000-0000-0000-000000000000")
                        .expectStatus(404)
                        .body())
                .contains("Ссылка не найдена");
        browser.get("/order/?uuid=not-a-uuid").expectStatus(404);
        browser.get("/order/").expectStatus(404);

        String paid = link("");
        server.simulate(paid, "card", "approve").expectStatus(200);
        assertThat(browser.get("/order/?uuid=" + paid).expectStatus(200).body()).contains("Заказ уже оплачен");

        String expiring = link(", \"ttl\": 5");
        server.advanceClock(5);
        assertThat(browser.get("/order/?uuid=" + expiring).expectStatus(410).body())
                .contains("Срок действия ссылки истёк");
        assertThat(browser.get("/order/card?uuid=" + expiring).expectStatus(410).body())
                .contains("Срок действия ссылки истёк");
    }

    @Test
    void a_good_card_pays_and_redirects_to_the_links_own_url_and_a_second_submit_changes_nothing() {
        String operationId = link(", \"redirectUrl\": \"" + SHOP + "\", \"failRedirectUrl\": \"" + SHOP_FAIL + "\"");
        String csrf =
                browser.get("/order/card?uuid=" + operationId).expectStatus(200).csrf();

        Page paid = browser.post(
                "/order/card?uuid=" + operationId,
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
                "buyer@example.com");
        Page again = browser.post(
                "/order/card?uuid=" + operationId,
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
                "");

        assertThat(paid.status()).isEqualTo(303);
        assertThat(paid.location()).isEqualTo(SHOP);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Заказ уже оплачен");
        JsonNode operation = operation(operationId);
        assertThat(operation.get("status").asText()).isEqualTo("APPROVED");
        assertThat(operation.get("paymentType").asText()).isEqualTo("card");
        assertThat(operation.get("Order")).hasSize(1);
    }

    @Test
    void without_a_redirect_url_the_buyer_sees_our_success_page() {
        String operationId = link("");

        Page paid = payByCard(operationId, "5555 5555 5555 4444");

        assertThat(paid.location()).isEqualTo("/order/success?uuid=" + operationId);
        assertThat(browser.get(paid.location()).expectStatus(200).body()).contains("Оплата прошла");
    }

    @Test
    void a_two_stage_link_paid_by_card_is_authorized() {
        String operationId = link(", \"preAuthorization\": true");

        payByCard(operationId, "2200 0000 0000 0004");

        assertThat(operation(operationId).get("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(browser.get("/order/success?uuid=" + operationId).body()).contains("Сумма заблокирована");
    }

    @Test
    void card_mistakes_are_shown_next_to_their_fields_echo_no_card_data_and_charge_nothing() {
        String operationId = link("");
        String csrf = browser.get("/order/card?uuid=" + operationId).csrf();

        Page page = browser.post(
                "/order/card?uuid=" + operationId,
                "csrf",
                csrf,
                "number",
                "4111 1111 1111 1112",
                "month",
                "01",
                "year",
                "20",
                "cvc",
                "98",
                "email",
                "nope");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body())
                .contains("id=\"number-error\">Неверный номер карты")
                .contains("id=\"expiry-error\">Срок действия карты истёк")
                .contains("id=\"cvc-error\">CVC")
                .contains("id=\"email-error\"")
                .doesNotContain("4111 1111 1111 1112")
                .doesNotContain("4111111111111112")
                .doesNotContain("value=\"98\"");
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void declines_go_to_the_failure_page_or_url_and_the_link_stays_payable() {
        String operationId = link("");

        Page declined = payByCard(operationId, "4000 0000 0000 9995");
        assertThat(declined.location()).isEqualTo("/order/failure?uuid=" + operationId + "&reason=insufficient_funds");
        assertThat(browser.get(declined.location()).body())
                .contains("Недостаточно средств")
                .contains("href=\"/order/?uuid=" + operationId + "\"");
        assertThat(payByCard(operationId, "4000 0000 0000 9979").location()).endsWith("reason=stolen_card");
        assertThat(payByCard(operationId, "4000 0000 0000 0119").location()).endsWith("reason=processor_timeout");
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");

        String withFailUrl = link(", \"failRedirectUrl\": \"" + SHOP_FAIL + "\"");
        assertThat(payByCard(withFailUrl, "4000 0000 0000 9995").location()).isEqualTo(SHOP_FAIL);
        assertThat(payByCard(operationId, "4111 1111 1111 1111").status()).isEqualTo(303);
        assertThat(operation(operationId).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void three_d_secure_approves_with_the_right_code_once() {
        String operationId = link(", \"redirectUrl\": \"" + SHOP + "\"");

        Page challenge = payByCard(operationId, "4000 0000 0000 3220");
        assertThat(challenge.location()).isEqualTo("/order/3ds?uuid=" + operationId);
        Page form = browser.get(challenge.location()).expectStatus(200);
        assertThat(form.body()).contains("400000******3220").doesNotContain("4000000000003220");
        Page approved = browser.post("/order/3ds?uuid=" + operationId, "csrf", form.csrf(), "code", "1234");
        Page replayed = browser.post("/order/3ds?uuid=" + operationId, "csrf", form.csrf(), "code", "1234");

        assertThat(approved.location()).isEqualTo(SHOP);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).contains("Заказ уже оплачен");
        assertThat(operation(operationId).get("Order")).hasSize(1);
    }

    @Test
    void a_wrong_three_d_secure_code_declines() {
        String operationId = link("");
        String csrf = browser.get(payByCard(operationId, "4000 0000 0000 3220").location())
                .csrf();

        Page declined = browser.post("/order/3ds?uuid=" + operationId, "csrf", csrf, "code", "0000");

        assertThat(declined.location()).endsWith("reason=three_ds_failed");
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
        assertThat(browser.get("/order/3ds?uuid=" + operationId).location())
                .as("the challenge is used up")
                .isEqualTo("/order/card?uuid=" + operationId);
    }

    @Test
    void forms_need_the_sessions_csrf_token_and_an_open_session() {
        String operationId = link("");
        String csrf = browser.get("/order/card?uuid=" + operationId).csrf();

        assertThat(browser.post(
                                "/order/card?uuid=" + operationId,
                                "csrf",
                                "0".repeat(64),
                                "number",
                                "4111111111111111",
                                "month",
                                "12",
                                "year",
                                "30",
                                "cvc",
                                "123")
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(
                                "/order/card?uuid=" + operationId,
                                "number",
                                "4111111111111111",
                                "month",
                                "12",
                                "year",
                                "30",
                                "cvc",
                                "123")
                        .status())
                .isEqualTo(403);
        PageClient stranger = new PageClient(server.info().publicUrl());
        assertThat(stranger.post(
                                "/order/card?uuid=" + operationId,
                                "csrf",
                                csrf,
                                "number",
                                "4111111111111111",
                                "month",
                                "12",
                                "year",
                                "30",
                                "cvc",
                                "123")
                        .status())
                .as("another browser has no session")
                .isEqualTo(410);
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void a_page_session_lasts_one_hour_and_reopening_the_link_starts_a_fresh_one() {
        String operationId = link("");
        String csrf = browser.get("/order/card?uuid=" + operationId).csrf();
        server.advanceClock(61);

        Page stale = browser.post(
                "/order/card?uuid=" + operationId,
                "csrf",
                csrf,
                "number",
                "4111111111111111",
                "month",
                "12",
                "year",
                "30",
                "cvc",
                "123");
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.body()).contains("Время на оплату истекло");

        assertThat(payByCard(operationId, "4111 1111 1111 1111").status()).isEqualTo(303);
        assertThat(operation(operationId).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void sbp_shows_a_qr_code_that_the_bank_app_pays_and_the_page_then_moves_on() throws Exception {
        String operationId = link(", \"redirectUrl\": \"" + SHOP + "\"");
        Page sbp = browser.get("/order/sbp?uuid=" + operationId).expectStatus(200);
        Matcher image =
                Pattern.compile("src=\"(/order/qr/(A[A-Z0-9]{31})\\.png)\"").matcher(sbp.body());
        assertThat(image.find()).isTrue();
        String qrcId = image.group(2);

        Page png = browser.get(image.group(1)).expectStatus(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        String payload = QrCodes.decode(png.response().body());
        assertThat(payload)
                .startsWith("https://qr.nspk.ru/" + qrcId + "?type=02")
                .contains("sum=150050&cur=RUB");
        assertThat(browser.get("/order/status?uuid=" + operationId).body()).isEqualTo("{\"status\":\"CREATED\"}");

        PageClient phone = new PageClient(server.info().publicUrl());
        String bankApp = payload.replace("https://qr.nspk.ru", server.info().publicUrl());
        Page app = phone.get(bankApp).expectStatus(200);
        assertThat(app.body())
                .contains("ООО \"РОМАШКА\"")
                .contains("1\u00a0500,50\u00a0₽")
                .contains("Заказ 7");
        Page paid = phone.post("/" + qrcId + "/pay", "csrf", app.csrf()).expectStatus(200);
        assertThat(paid.body()).contains("Платёж выполнен");
        assertThat(phone.post("/" + qrcId + "/pay", "csrf", app.csrf()).status())
                .as("paying twice")
                .isEqualTo(409);

        assertThat(browser.get("/order/status?uuid=" + operationId).body()).isEqualTo("{\"status\":\"APPROVED\"}");
        assertThat(browser.get("/order/success?uuid=" + operationId).location()).isEqualTo(SHOP);
        JsonNode operation = operation(operationId);
        assertThat(operation.get("paymentType").asText()).isEqualTo("sbp");
        assertThat(operation.get("transactionId").asText()).hasSize(36);
        assertThat(operation.get("Order").get(0).get("type").asText()).isEqualTo("approval");
    }

    @Test
    void the_bank_app_refuses_forged_forms_unknown_codes_and_cancels_without_paying() {
        String operationId = link("");
        String sbp = browser.get("/order/sbp?uuid=" + operationId).body();
        Matcher image = Pattern.compile("/order/qr/(A[A-Z0-9]{31})\\.png").matcher(sbp);
        assertThat(image.find()).isTrue();
        String qrcId = image.group(1);
        PageClient phone = new PageClient(server.info().publicUrl());

        assertThat(phone.post("/" + qrcId + "/pay", "csrf", "0".repeat(64)).status())
                .isEqualTo(403);
        assertThat(phone.get("/AD1000000000000000000000000000ZZ").status()).isEqualTo(404);
        assertThat(phone.get("/robots.txt").status()).as("not a QR code id").isEqualTo(404);
        String csrf = phone.get("/" + qrcId).csrf();
        assertThat(phone.post("/" + qrcId + "/cancel", "csrf", csrf).body()).contains("Платёж отменён");
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void t_pay_and_dolyame_confirm_or_cancel() {
        for (String mode : new String[] {"tinkoff", "dolyame"}) {
            String operationId = link(", \"redirectUrl\": \"" + SHOP + "\"");
            String csrf = browser.get("/order/" + mode + "?uuid=" + operationId)
                    .expectStatus(200)
                    .csrf();

            Page cancelled = browser.post("/order/" + mode + "?uuid=" + operationId, "csrf", csrf, "action", "cancel");
            assertThat(cancelled.location()).endsWith("reason=cancelled");
            Page paid = browser.post("/order/" + mode + "?uuid=" + operationId, "csrf", csrf, "action", "pay");
            assertThat(paid.location()).isEqualTo(SHOP);
            assertThat(operation(operationId).get("paymentType").asText()).isEqualTo(mode);
        }
    }

    @Test
    void a_mode_the_link_does_not_allow_is_not_offered() {
        String operationId = server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["sbp"]}}
                """.formatted(server.info().customerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();

        assertThat(browser.get("/order/?uuid=" + operationId).body()).doesNotContain("pay-card");
        assertThat(browser.get("/order/card?uuid=" + operationId).status()).isEqualTo(404);
        assertThat(browser.post("/order/card?uuid=" + operationId, "number", "4111111111111111")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void redirects_go_only_to_the_links_own_urls() {
        String operationId = link(", \"redirectUrl\": \"" + SHOP + "\"");

        Page paid = payByCard(operationId, "4111 1111 1111 1111");
        Page afterwards = browser.get("/order/success?uuid=" + operationId + "&redirectUrl=https://evil.example/");

        assertThat(paid.location()).isEqualTo(SHOP);
        assertThat(afterwards.location()).isEqualTo(SHOP);
        assertThat(browser.get("/order/card?uuid=" + link(", \"redirectUrl\": \"" + SHOP + "\""))
                        .header("Content-Security-Policy"))
                .contains("form-action 'self' https://shop.example");
    }

    // ---- the buyer's page, polished ------------------------------------------------------------------------------

    /** The QR code id an SBP page shows. */
    private static String qrcId(Page sbp) {
        Matcher image = Pattern.compile("/order/qr/(A[A-Z0-9]{31})\\.png").matcher(sbp.body());
        assertThat(image.find()).as("a QR code in %s", sbp.body()).isTrue();
        return image.group(1);
    }

    private String status(String operationId) {
        return browser.get("/order/status?uuid=" + operationId)
                .expectStatus(200)
                .body();
    }

    @Test
    void a_cancel_in_the_bank_app_ends_the_attempt_and_tells_the_waiting_page_and_a_new_attempt_can_pay() {
        String operationId = link(", \"redirectUrl\": \"" + SHOP + "\"");
        Page sbp = browser.get("/order/sbp?uuid=" + operationId).expectStatus(200);
        String cancelled = qrcId(sbp);
        assertThat(sbp.body())
                .contains("data-failed-url=\"/order/failure?uuid=" + operationId + "&amp;reason=cancelled\"");
        PageClient phone = new PageClient(server.info().publicUrl());
        String csrf = phone.get("/" + cancelled).expectStatus(200).csrf();

        assertThat(phone.post("/" + cancelled + "/cancel", "csrf", csrf)
                        .expectStatus(200)
                        .body())
                .contains("Платёж отменён");

        assertThat(status(operationId)).isEqualTo("{\"status\":\"CREATED\",\"attempt\":\"CANCELLED\"}");
        assertThat(new PageClient(server.info().publicUrl())
                        .get("/order/status?uuid=" + operationId)
                        .body())
                .as("another browser's page waits for its own code")
                .isEqualTo("{\"status\":\"CREATED\"}");
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
        assertThat(phone.post("/" + cancelled + "/pay", "csrf", csrf).status())
                .as("a cancelled code cannot pay")
                .isEqualTo(409);
        assertThat(phone.get("/" + cancelled).body()).contains("Платёж отменён").doesNotContain("bank-pay");
        Page checked = browser.get("/order/sbp?uuid=" + operationId + "&check=1");
        assertThat(checked.location()).isEqualTo("/order/failure?uuid=" + operationId + "&reason=cancelled");
        assertThat(browser.get(checked.location()).expectStatus(200).body()).contains("Оплата отменена.");

        Page again = browser.get("/order/sbp?uuid=" + operationId).expectStatus(200);
        String fresh = qrcId(again);
        assertThat(fresh).isNotEqualTo(cancelled);
        assertThat(status(operationId)).isEqualTo("{\"status\":\"CREATED\"}");
        assertThat(browser.get("/order/sbp?uuid=" + operationId).body())
                .as("the fresh code stays")
                .contains(fresh);
        phone.post("/" + fresh + "/pay", "csrf", phone.get("/" + fresh).csrf()).expectStatus(200);
        assertThat(status(operationId)).isEqualTo("{\"status\":\"APPROVED\"}");
        assertThat(operation(operationId).get("paymentType").asText()).isEqualTo("sbp");
    }

    @Test
    void a_cancelled_sbp_attempt_of_a_link_with_a_fail_redirect_goes_there() {
        String operationId = link(", \"failRedirectUrl\": \"" + SHOP_FAIL + "\"");
        String qrcId = qrcId(browser.get("/order/sbp?uuid=" + operationId));
        PageClient phone = new PageClient(server.info().publicUrl());
        phone.post("/" + qrcId + "/cancel", "csrf", phone.get("/" + qrcId).csrf())
                .expectStatus(200);

        assertThat(browser.get("/order/sbp?uuid=" + operationId).body())
                .contains("data-failed-url=\"" + SHOP_FAIL + "\"");
        String fresh = qrcId(browser.get("/order/sbp?uuid=" + operationId));
        phone.post("/" + fresh + "/cancel", "csrf", phone.get("/" + fresh).csrf())
                .expectStatus(200);
        assertThat(browser.get("/order/sbp?uuid=" + operationId + "&check=1").location())
                .isEqualTo(SHOP_FAIL);
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void i_have_paid_check_on_an_unpaid_link_stays_and_says_the_payment_has_not_arrived() {
        String operationId = link(", \"redirectUrl\": \"" + SHOP + "\"");
        Page sbp = browser.get("/order/sbp?uuid=" + operationId).expectStatus(200);
        assertThat(sbp.body())
                .contains("id=\"check\"")
                .contains("href=\"/order/sbp?uuid=" + operationId + "&amp;check=1\"")
                .doesNotContain("id=\"not-yet\"");

        Page checked =
                browser.get("/order/sbp?uuid=" + operationId + "&check=1").expectStatus(200);

        assertThat(checked.body())
                .contains("id=\"not-yet\"")
                .contains("Оплата ещё не поступила")
                .contains("/order/assets/sbp.js")
                .contains(qrcId(sbp));
        server.simulate(operationId, "sbp", "approve").expectStatus(200);
        assertThat(browser.get("/order/sbp?uuid=" + operationId + "&check=1").location())
                .isEqualTo(SHOP);
        String withoutRedirect = link("");
        server.simulate(withoutRedirect, "sbp", "approve").expectStatus(200);
        assertThat(browser.get("/order/sbp?uuid=" + withoutRedirect + "&check=1")
                        .location())
                .isEqualTo("/order/success?uuid=" + withoutRedirect);
    }

    @Test
    void a_link_with_one_way_to_pay_goes_straight_to_it_with_no_way_back_to_a_chooser() {
        for (String mode : new String[] {"card", "sbp", "tinkoff", "dolyame"}) {
            String operationId = server.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["%s"]}}
                    """.formatted(
                                    server.info().customerCode(), mode))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();

            Page order = browser.get("/order/?uuid=" + operationId);

            assertThat(order.status()).isEqualTo(303);
            assertThat(order.location()).isEqualTo("/order/" + mode + "?uuid=" + operationId);
            assertThat(browser.get(order.location()).expectStatus(200).body())
                    .doesNotContain("id=\"back\"")
                    .doesNotContain("Выбрать другой способ оплаты");
        }
        String twoWays = link("");
        assertThat(browser.get("/order/card?uuid=" + twoWays).body())
                .contains("id=\"back\" href=\"/order/?uuid=" + twoWays + "\"");
    }

    @Test
    void a_link_with_a_receipt_shows_its_items_and_fills_in_the_receipt_email() {
        String operationId = server.api()
                .post("/acquiring/v1.0/payments_with_receipt", """
                {"Data": {"customerCode": "%s", "amount": "1500.50", "purpose": "Чай и сыр",
                  "paymentMode": ["card", "sbp"], "Client": {"email": "ivan@example.com"},
                  "Items": [
                    {"name": "Чай <зелёный>", "amount": "350.25", "quantity": 2, "measure": "шт."},
                    {"name": "Сыр", "amount": "1000", "quantity": "0.8", "measure": "кг."}
                  ]}}
                """.formatted(
                                server.info().customerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();

        String order =
                browser.get("/order/?uuid=" + operationId).expectStatus(200).body();
        String card =
                browser.get("/order/card?uuid=" + operationId).expectStatus(200).body();

        assertThat(order)
                .contains("id=\"items\"")
                .contains("<td class=\"item-name\">Чай &lt;зелёный&gt;</td><td class=\"item-quantity\">2</td>")
                .contains("<td class=\"item-price\">350,25\u00a0₽</td><td class=\"item-total\">700,50\u00a0₽</td>")
                .contains("<td class=\"item-name\">Сыр</td><td class=\"item-quantity\">0,8</td>")
                .contains("<td class=\"item-price\">1\u00a0000,00\u00a0₽</td>"
                        + "<td class=\"item-total\">800,00\u00a0₽</td>");
        assertThat(card).contains("id=\"items\"").contains("value=\"ivan@example.com\"");
        assertThat(browser.get("/order/card?uuid=" + link("")).body())
                .doesNotContain("id=\"items\"")
                .doesNotContain("ivan@example.com");
    }

    @Test
    void a_form_with_mistakes_keeps_what_was_typed_but_the_cvc_and_marks_the_wrong_fields() {
        String operationId = link("");
        String csrf = browser.get("/order/card?uuid=" + operationId).csrf();

        Page page = browser.post(
                "/order/card?uuid=" + operationId,
                "csrf",
                csrf,
                "number",
                "4111111111111111",
                "month",
                "01",
                "year",
                "20",
                "cvc",
                "987",
                "email",
                "buyer@");

        assertThat(page.status()).isEqualTo(400);
        String body = page.body();
        assertThat(body)
                .contains("value=\"4111 1111 1111 1111\"")
                .contains("value=\"01\"")
                .contains("value=\"20\"")
                .contains("value=\"buyer@\"")
                .doesNotContain("value=\"987\"");
        assertThat(input(body, "number")).doesNotContain("invalid").doesNotContain("aria-");
        assertThat(input(body, "cvc")).doesNotContain("invalid").doesNotContain("value=");
        for (String field : new String[] {"month", "year"}) {
            assertThat(input(body, field))
                    .contains("class=\"invalid\"")
                    .contains("aria-invalid=\"true\"")
                    .contains("aria-describedby=\"expiry-error\"");
        }
        assertThat(input(body, "email"))
                .contains("class=\"invalid\"")
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"email-error\"");
        assertThat(body).contains("id=\"expiry-error\"").contains("id=\"email-error\"");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");

        Page wrongCvc = browser.post(
                "/order/card?uuid=" + operationId,
                "csrf",
                csrf,
                "number",
                "4111111111111111",
                "month",
                "12",
                "year",
                "30",
                "cvc",
                "98",
                "email",
                "");
        assertThat(input(wrongCvc.body(), "cvc"))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"cvc-error\"");
        assertThat(input(wrongCvc.body(), "number")).contains("value=\"4111 1111 1111 1111\"");
        assertThat(operation(operationId).get("status").asText()).isEqualTo("CREATED");
    }

    /** The {@code <input>} tag of field {@code id} in {@code html}. */
    private static String input(String html, String id) {
        Matcher tag = Pattern.compile("<input id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("an input %s in %s", id, html).isTrue();
        return tag.group();
    }

    @Test
    void the_success_page_tells_what_was_paid_and_how_and_a_paid_link_shows_the_same() {
        String byCard = link(", \"paymentLinkId\": \"A-78\"");
        String page = browser.get(payByCard(byCard, "5555 5555 5555 4444").location())
                .expectStatus(200)
                .body();

        assertThat(page)
                .contains("Оплата прошла")
                .contains("id=\"paid-amount\">1\u00a0500,50\u00a0₽")
                .contains("id=\"paid-order-number\">A-78")
                .contains("id=\"paid-seller\">ООО \"РОМАШКА\"")
                .contains("id=\"paid-method\">Банковская карта")
                .contains("id=\"paid-card\">Mastercard 555555******4444")
                .doesNotContain("5555555555554444")
                .doesNotContain("id=\"shop-link\"");

        String bySbp = link(", \"redirectUrl\": \"" + SHOP + "\"");
        server.simulate(bySbp, "sbp", "approve").expectStatus(200);
        String alreadyPaid =
                browser.get("/order/?uuid=" + bySbp).expectStatus(200).body();
        assertThat(alreadyPaid)
                .contains("Заказ уже оплачен")
                .contains("id=\"paid-amount\"")
                .contains("id=\"paid-method\">СБП")
                .doesNotContain("id=\"paid-card\"")
                .contains("id=\"shop-link\" href=\"" + SHOP + "\"");
        assertThat(browser.get("/order/success?uuid=" + bySbp + "&lang=en").location())
                .isEqualTo(SHOP);
        assertThat(browser.get("/order/?uuid=" + bySbp).body())
                .contains("This order is already paid")
                .contains("Paid with")
                .contains("SBP")
                .contains("Back to the shop");
    }

    @Test
    void failure_pages_offer_the_way_back_to_the_shop_when_the_link_has_one() {
        String withShop = link(", \"redirectUrl\": \"" + SHOP + "\"");
        String withoutShop = link("");

        String failed = browser.get(payByCard(withShop, "4000 0000 0000 9995").location())
                .expectStatus(200)
                .body();
        String failedToo = browser.get(
                        payByCard(withoutShop, "4000 0000 0000 9995").location())
                .body();

        assertThat(failed)
                .contains("id=\"notice-link\" href=\"/order/?uuid=" + withShop + "\"")
                .contains("id=\"shop-link\" href=\"" + SHOP + "\"")
                .contains("Вернуться в магазин");
        assertThat(failedToo).contains("id=\"notice-link\"").doesNotContain("id=\"shop-link\"");
        String expiring = link(", \"ttl\": 5, \"redirectUrl\": \"" + SHOP + "\"");
        server.advanceClock(5);
        assertThat(browser.get("/order/?uuid=" + expiring).expectStatus(410).body())
                .contains("id=\"shop-link\" href=\"" + SHOP + "\"");
    }

    @Test
    void a_two_stage_link_says_the_amount_will_be_held_not_paid() {
        String twoStage = link(", \"preAuthorization\": true");
        String oneStage = link("");

        assertThat(browser.get("/order/card?uuid=" + twoStage).body())
                .contains("id=\"pay\">Заблокировать 1\u00a0500,50\u00a0₽</button>")
                .contains("id=\"hold-note\"")
                .contains("заблокирована на карте, пока магазин не подтвердит заказ");
        assertThat(browser.get("/order/card?uuid=" + twoStage + "&lang=en").body())
                .contains("id=\"pay\">Hold 1,500.50 RUB</button>")
                .contains("The amount will be held on your card until the shop confirms the order");
        assertThat(browser.get("/order/card?uuid=" + oneStage + "&lang=ru").body())
                .contains("id=\"pay\">Оплатить 1\u00a0500,50\u00a0₽</button>")
                .doesNotContain("hold-note");
    }

    @Test
    void the_favicon_is_served_and_every_page_links_its_icon() {
        Page ico = browser.get("/favicon.ico").expectStatus(200);
        Page svg = browser.get("/order/assets/favicon.svg").expectStatus(200);

        assertThat(ico.header("Content-Type")).isEqualTo("image/x-icon");
        assertThat(ico.response().body()).startsWith(0, 0, 1, 0);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg");
        assertThat(browser.get("/order/?uuid=" + link("")).body())
                .contains("<link rel=\"icon\" href=\"/order/assets/favicon.svg\" type=\"image/svg+xml\">");
    }

    @Test
    void every_buyer_page_says_it_is_a_test_system_where_no_money_moves() {
        String operationId = link("");
        String qrcId = qrcId(browser.get("/order/sbp?uuid=" + operationId));
        PageClient phone = new PageClient(server.info().publicUrl());

        for (String page : new String[] {
            browser.get("/order/?uuid=" + operationId).body(),
            browser.get("/order/card?uuid=" + operationId).body(),
            phone.get("/" + qrcId).body(),
            browser.get("/order/?uuid=00000000-0000-0000-0000-000000000000").body()
        }) {
            assertThat(page)
                    .contains("id=\"test-badge\">ТЕСТ<")
                    .contains("id=\"test-mode\">Тестовый режим: деньги не списываются<");
        }
        assertThat(browser.get("/order/?uuid=" + operationId + "&lang=en").body())
                .contains("id=\"test-badge\">TEST<")
                .contains("Test mode: no real money moves");
        assertThat(phone.get("/" + qrcId + "?lang=en").body()).contains("Test mode: no real money moves");
    }

    @Test
    void checkout_events_are_logged_one_line_each_with_the_masked_card_only() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger checkout = (Logger) LoggerFactory.getLogger("tochka.acquiring.server.checkout");
        checkout.addAppender(logs);
        try {
            String passed = link("");
            String csrf = browser.get(payByCard(passed, "4000 0000 0000 3220").location())
                    .csrf();
            browser.post("/order/3ds?uuid=" + passed, "csrf", csrf, "code", "1234");
            String failed = link("");
            csrf = browser.get(payByCard(failed, "4000 0000 0000 3220").location())
                    .csrf();
            browser.post("/order/3ds?uuid=" + failed, "csrf", csrf, "code", "0000");
            String sbp = link("");
            String qrcId = qrcId(browser.get("/order/sbp?uuid=" + sbp));
            PageClient phone = new PageClient(server.info().publicUrl());
            String bankCsrf = phone.get("/" + qrcId).csrf();
            phone.post("/" + qrcId + "/cancel", "csrf", bankCsrf);
            phone.post("/" + qrcId + "/cancel", "csrf", bankCsrf);
            String tpay = link("");
            browser.post(
                    "/order/tinkoff?uuid=" + tpay,
                    "csrf",
                    browser.get("/order/tinkoff?uuid=" + tpay).csrf(),
                    "action",
                    "cancel");
            String dolyame = link("");
            browser.post(
                    "/order/dolyame?uuid=" + dolyame,
                    "csrf",
                    browser.get("/order/dolyame?uuid=" + dolyame).csrf(),
                    "action",
                    "cancel");

            List<String> lines =
                    logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines)
                    .contains(
                            "card payment of " + passed + " with VISA 400000******3220: THREE_DS_REQUIRED",
                            "3-D Secure challenge of " + passed + " with VISA 400000******3220 started",
                            "3-D Secure challenge of " + passed + " with VISA 400000******3220 passed",
                            "3-D Secure challenge of " + failed + " with VISA 400000******3220 started",
                            "3-D Secure challenge of " + failed + " with VISA 400000******3220 failed: wrong code",
                            "SBP payment of " + sbp + " cancelled in the bank app (QR code " + qrcId + ")",
                            "T-Pay payment of " + tpay + " cancelled by the buyer",
                            "Dolyame payment of " + dolyame + " cancelled by the buyer");
            assertThat(lines)
                    .filteredOn(line -> line.contains(sbp))
                    .as("one cancellation, one line")
                    .hasSize(1);
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n", "4000000000003220"));
        } finally {
            checkout.detachAppender(logs);
        }
    }
}
