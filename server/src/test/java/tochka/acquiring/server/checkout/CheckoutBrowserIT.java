package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.QrCodes;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The hosted payment page as a buyer uses it: a real headless Chromium opens a payment link of the real server, pays
 * by card (with and without 3-D Secure) or by SBP through the server's own "bank app", and lands on a tiny merchant
 * shop of its own, while the bank API tells what the merchant would see. One browser serves the whole class.
 */
class CheckoutBrowserIT {

    /** Relative to the module directory, where failsafe runs the tests. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration DEADLINE = Browser.DEADLINE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String AMOUNT = "1500.50";
    /** How the page writes {@link #AMOUNT}: Selenium reads the page's no-break spaces as plain ones. */
    private static final String SHOWN_AMOUNT = "1 500,50 ₽";

    private static final long KOPECKS = 150_050;
    private static final String PURPOSE = "Заказ 7";

    private static final String APPROVED_CARD = "4111 1111 1111 1111";
    private static final String NO_FUNDS_CARD = "4000 0000 0000 9995";
    private static final String STOLEN_CARD = "4000 0000 0000 9979";
    private static final String THREE_DS_CARD = "4000 0000 0000 3220";

    private static final String SHOP_THANKS = "Спасибо за заказ!";
    private static final String SHOP_SORRY = "Оплата не прошла";

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    private static @Nullable HttpServer shop;
    private static @Nullable Browser buyer;

    /** A payment link as the merchant got it from the API. */
    private record Link(String operationId, String url, String orderNumber) {}

    @BeforeAll
    static void startBrowserAndShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/thanks", exchange -> shopPage(exchange, SHOP_THANKS));
        shop.createContext("/sorry", exchange -> shopPage(exchange, SHOP_SORRY));
        shop.start();
        buyer = Browser.start(420, 900);
    }

    @AfterAll
    static void stopBrowserAndShop() {
        try {
            if (buyer != null) buyer.close();
        } finally {
            buyer = null;
            if (shop != null) shop.stop(0);
            shop = null;
        }
    }

    /** Every test is a new buyer: no page session and no language choice left over from another test. */
    @BeforeEach
    void forgetTheLastBuyer() {
        browser().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void buyer_pays_by_card_and_lands_on_the_shops_redirect_url() throws IOException {
        Link link = createLink();

        openLink(link);
        assertThat(text("seller")).isEqualTo(sellerName());
        assertThat(text("amount")).isEqualTo(SHOWN_AMOUNT);
        assertThat(text("order-number")).isEqualTo(link.orderNumber());
        assertThat(text("purpose")).isEqualTo(PURPOSE);
        chooseWayToPay("card");
        screenshot("card-form.png");
        payByCard(APPROVED_CARD, "12", "30", "123", "buyer@example.com");

        landOnShop("/thanks");
        assertThat(text("shop")).isEqualTo(SHOP_THANKS);
        assertPaid(link, "card");
    }

    @Test
    void a_declined_card_shows_its_error_and_the_link_stays_payable() {
        Link link = createLink();

        openCardForm(link);
        payByCard(NO_FUNDS_CARD);
        landOnOurFailurePage();
        assertThat(text("notice-text")).contains("Недостаточно средств");
        assertStatus(link, "CREATED");

        browser().findElement(By.id("notice-link")).click();
        waitUntilVisible("pay-card");
        chooseWayToPay("card");
        payByCard(APPROVED_CARD);
        landOnShop("/thanks");
        assertPaid(link, "card");
    }

    @Test
    void a_declined_card_of_a_link_with_a_fail_redirect_lands_on_the_shops_fail_page() {
        Link link = createLink(shopUrl("/sorry"));

        openCardForm(link);
        payByCard(STOLEN_CARD);

        landOnShop("/sorry");
        assertThat(text("shop")).isEqualTo(SHOP_SORRY);
        assertStatus(link, "CREATED");
    }

    @Test
    void a_mistyped_card_shows_errors_next_to_the_fields_and_charges_nothing() {
        Link link = createLink();

        openCardForm(link);
        payByCard("4111 1111 1111 1112", "01", "20", "12", "buyer@example");

        waitUntilVisible("number-error");
        assertThat(text("number-error")).isEqualTo("Неверный номер карты");
        assertThat(text("expiry-error")).isEqualTo("Срок действия карты истёк");
        assertThat(text("cvc-error")).contains("три цифры");
        assertThat(text("email-error")).isEqualTo("Неверный адрес электронной почты");
        // The number and the CVC are never sent back to the browser; the harmless fields are kept for a retry.
        assertThat(value("number")).isEmpty();
        assertThat(value("cvc")).isEmpty();
        assertThat(browser().getPageSource()).doesNotContain("4111111111111112", "4111 1111 1111 1112");
        assertThat(value("month")).isEqualTo("01");
        assertThat(value("year")).isEqualTo("20");
        assertThat(value("email")).isEqualTo("buyer@example");
        assertStatus(link, "CREATED");
    }

    @Test
    void three_d_secure_challenge_approves_with_the_right_code() {
        Link passed = createLink();
        openCardForm(passed);
        payByCard(THREE_DS_CARD);
        answerThreeDsChallenge(CardProcessor.THREE_DS_CODE);
        landOnShop("/thanks");
        assertPaid(passed, "card");

        Link failed = createLink();
        openCardForm(failed);
        payByCard(THREE_DS_CARD);
        answerThreeDsChallenge("0000");
        landOnOurFailurePage();
        assertThat(text("notice-text")).contains("Неверный код подтверждения");
        assertStatus(failed, "CREATED");
    }

    @Test
    void sbp_qr_is_paid_in_the_bank_app_and_the_checkout_moves_on_by_itself() throws Exception {
        Link link = createLink();
        openLink(link);
        chooseWayToPay("sbp");
        waitUntilVisible("qr");
        screenshot("sbp.png");

        // What a phone camera would read from the QR code on the screen.
        String qrSrc = browser().findElement(By.id("qr")).getDomAttribute("src");
        assertThat(qrSrc).matches("/order/qr/A[A-Z0-9]{31}\\.png");
        String payload = QrCodes.decode(fetch(URI.create(publicUrl()).resolve(qrSrc)));
        assertThat(payload).startsWith(SbpQr.NSPK + "/").contains("sum=" + KOPECKS, "cur=RUB");
        String bankApp = publicUrl() + payload.substring(SbpQr.NSPK.length());
        assertThat(browser().findElement(By.id("open-bank-app")).getDomAttribute("href"))
                .isEqualTo(bankApp);

        // The buyer's phone: another tab, so the checkout tab stays as it is and has to notice the payment itself.
        String checkout = browser().getWindowHandle();
        browser().switchTo().newWindow(WindowType.TAB);
        browser().get(bankApp);
        waitUntilVisible("bank-pay");
        assertThat(text("payee")).isEqualTo(sellerName());
        assertThat(text("bank-amount")).isEqualTo(SHOWN_AMOUNT);
        browser().findElement(By.id("bank-pay")).click();
        waitUntilVisible("bank-result");
        assertThat(text("bank-result")).isEqualTo("Платёж выполнен");
        browser().close();
        browser().switchTo().window(checkout);

        landOnShop("/thanks");
        assertPaid(link, "sbp");
    }

    @Test
    void the_page_switches_to_english() {
        Link link = createLink();
        openLink(link);
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Выберите способ оплаты");

        browser().findElement(By.id("lang")).click();
        waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Choose how to pay"));
        assertThat(browser().findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(text("amount")).isEqualTo("1,500.50 RUB");

        // The choice is remembered for the buyer's next pages.
        chooseWayToPay("card");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Card payment");
    }

    @Test
    void sbp_cancelled_in_the_bank_app_sends_the_waiting_page_to_the_failure_page_and_a_new_qr_code_can_pay() {
        Link link = createLink();
        openLink(link);
        chooseWayToPay("sbp");
        waitUntilVisible("qr");
        String cancelledQr = attribute("qr", "src");

        inTheBankApp(() -> {
            assertThat(text("test-badge")).isEqualTo("ТЕСТ");
            assertThat(text("test-mode")).isEqualTo("Тестовый режим: деньги не списываются");
            browser().findElement(By.id("bank-cancel")).click();
            waitUntilVisible("bank-result");
            assertThat(text("bank-result")).isEqualTo("Платёж отменён");
        });

        landOnOurFailurePage();
        assertThat(text("notice-text")).isEqualTo("Оплата отменена.");
        assertStatus(link, "CREATED");
        browser().findElement(By.id("notice-link")).click();
        waitUntilVisible("pay-sbp");
        chooseWayToPay("sbp");
        waitUntilVisible("qr");
        assertThat(attribute("qr", "src")).as("a fresh QR code").isNotEqualTo(cancelledQr);
        assertThat(text("waiting")).isEqualTo("Ждём оплату…");
        inTheBankApp(() -> browser().findElement(By.id("bank-pay")).click());
        landOnShop("/thanks");
        assertPaid(link, "sbp");
    }

    @Test
    void sbp_cancelled_on_a_link_with_a_fail_redirect_lands_on_the_shops_fail_page() {
        Link link = createLink(shopUrl("/sorry"));
        openLink(link);
        chooseWayToPay("sbp");
        waitUntilVisible("qr");

        inTheBankApp(() -> browser().findElement(By.id("bank-cancel")).click());

        landOnShop("/sorry");
        assertStatus(link, "CREATED");
    }

    @Test
    void i_have_paid_check_before_the_payment_stays_on_the_sbp_page_which_still_moves_on_once_paid()
            throws IOException {
        Link link = createLink();
        openLink(link);
        chooseWayToPay("sbp");
        waitUntilVisible("qr");
        String qr = attribute("qr", "src");

        browser().findElement(By.id("check")).click();

        waitUntilVisible("not-yet");
        screenshot("sbp-not-yet.png");
        assertThat(browser().getCurrentUrl()).contains("/order/sbp?").contains("check=1");
        assertThat(text("not-yet")).startsWith("Оплата ещё не поступила");
        assertThat(attribute("qr", "src")).as("the same QR code").isEqualTo(qr);
        inTheBankApp(() -> browser().findElement(By.id("bank-pay")).click());
        landOnShop("/thanks");
        assertPaid(link, "sbp");
    }

    @Test
    void a_card_form_with_mistakes_keeps_what_was_typed_but_the_cvc_and_outlines_the_wrong_fields() throws IOException {
        Link link = createLink();
        openCardForm(link);

        payByCard(APPROVED_CARD, "01", "20", "123", "buyer@example");

        waitUntilVisible("expiry-error");
        screenshot("card-form-mistakes.png");
        assertThat(value("number")).isEqualTo(APPROVED_CARD);
        assertThat(value("month")).isEqualTo("01");
        assertThat(value("year")).isEqualTo("20");
        assertThat(value("email")).isEqualTo("buyer@example");
        assertThat(value("cvc")).isEmpty();
        for (String field : new String[] {"month", "year", "email"}) {
            WebElement input = browser().findElement(By.id(field));
            assertThat(input.getDomAttribute("class")).isEqualTo("invalid");
            assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(input.getCssValue("border-top-color"))
                    .as("outlined in red")
                    .isEqualTo("rgba(196, 22, 28, 1)");
        }
        assertThat(attribute("month", "aria-describedby")).isEqualTo("expiry-error");
        assertThat(attribute("email", "aria-describedby")).isEqualTo("email-error");
        assertThat(browser().findElement(By.id("number")).getDomAttribute("aria-invalid"))
                .isNull();

        type("month", "12");
        type("year", "30");
        type("cvc", "123");
        type("email", "buyer@example.com");
        browser().findElement(By.id("pay")).click();
        landOnShop("/thanks");
        assertPaid(link, "card");
    }

    @Test
    void a_link_with_one_way_to_pay_opens_straight_on_it_with_no_way_back_to_a_chooser() {
        Link link = createLink(data -> data.putArray("paymentMode").add("card"));

        browser().get(link.url());

        waitUntil(ExpectedConditions.urlContains("/order/card?"));
        waitUntilVisible("pay");
        assertThat(browser().findElements(By.id("back"))).isEmpty();
        payByCard(APPROVED_CARD);
        landOnShop("/thanks");
        assertPaid(link, "card");
    }

    @Test
    void a_link_with_a_receipt_lists_its_items_and_fills_in_the_receipt_email() throws IOException {
        Link link = createLink("/acquiring/v1.0/payments_with_receipt", data -> {
            data.putObject("Client").put("email", "ivan@example.com");
            ArrayNode items = data.putArray("Items");
            items.addObject().put("name", "Чай").put("amount", "350.25").put("quantity", 2);
            items.addObject().put("name", "Сыр").put("amount", "1000").put("quantity", "0.8");
        });

        openLink(link);

        screenshot("order-with-receipt.png");
        List<WebElement> rows = browser().findElements(By.cssSelector("#items tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(cells(rows.get(0))).containsExactly("Чай", "2", "350,25 ₽", "700,50 ₽");
        assertThat(cells(rows.get(1))).containsExactly("Сыр", "0,8", "1 000,00 ₽", "800,00 ₽");
        chooseWayToPay("card");
        assertThat(value("email")).isEqualTo("ivan@example.com");
    }

    @Test
    void the_success_page_tells_what_was_paid_and_a_paid_link_shows_it_again_with_the_way_back_to_the_shop()
            throws IOException {
        Link ours = createLink(data -> data.remove("redirectUrl"));
        openCardForm(ours);
        payByCard("5555 5555 5555 4444");

        waitUntil(ExpectedConditions.urlContains("/order/success?"));
        waitUntilVisible("paid");
        screenshot("success.png");
        assertThat(text("notice-heading")).isEqualTo("Оплата прошла");
        assertThat(text("paid-amount")).isEqualTo(SHOWN_AMOUNT);
        assertThat(text("paid-order-number")).isEqualTo(ours.orderNumber());
        assertThat(text("paid-seller")).isEqualTo(sellerName());
        assertThat(text("paid-method")).isEqualTo("Банковская карта");
        assertThat(text("paid-card")).isEqualTo("Mastercard 555555******4444");
        assertThat(browser().findElements(By.id("shop-link"))).isEmpty();

        Link shops = createLink();
        openCardForm(shops);
        payByCard(APPROVED_CARD);
        landOnShop("/thanks");
        browser().get(shops.url());
        waitUntilVisible("paid");
        assertThat(text("notice-heading")).isEqualTo("Заказ уже оплачен");
        assertThat(text("paid-card")).isEqualTo("Visa 411111******1111");
        browser().findElement(By.id("shop-link")).click();
        landOnShop("/thanks");
    }

    @Test
    void a_two_stage_link_says_the_amount_will_be_held_and_holds_it() {
        Link link = createLink(data -> data.put("preAuthorization", true));
        openCardForm(link);

        assertThat(text("pay")).isEqualTo("Заблокировать " + SHOWN_AMOUNT);
        assertThat(text("hold-note")).contains("будет заблокирована на карте");
        browser().findElement(By.id("lang")).click();
        waitUntil(ExpectedConditions.textToBe(By.id("pay"), "Hold 1,500.50 RUB"));
        assertThat(text("hold-note")).contains("will be held on your card until the shop confirms");
        payByCard(APPROVED_CARD);
        landOnShop("/thanks");
        assertStatus(link, "AUTHORIZED");
    }

    @Test
    void every_page_is_marked_as_a_test_system_and_has_an_icon() throws Exception {
        openLink(createLink());

        assertThat(text("test-badge")).isEqualTo("ТЕСТ");
        assertThat(text("test-mode")).isEqualTo("Тестовый режим: деньги не списываются");
        String icon = browser().findElement(By.cssSelector("link[rel='icon']")).getDomAttribute("href");
        assertThat(icon).isEqualTo("/order/assets/favicon.svg");
        assertThat(new String(fetch(URI.create(publicUrl()).resolve(icon)), StandardCharsets.UTF_8))
                .contains("<svg");
        assertThat(fetch(URI.create(publicUrl() + "/favicon.ico"))).startsWith(0, 0, 1, 0);
        browser().findElement(By.id("lang")).click();
        waitUntil(ExpectedConditions.textToBe(By.id("test-badge"), "TEST"));
        assertThat(text("test-mode")).isEqualTo("Test mode: no real money moves");
    }

    /**
     * Does {@code what} in the buyer's bank app, on the phone: another tab, opened from the SBP page's link, so the
     * checkout tab stays as it is and has to notice what happened itself.
     */
    private void inTheBankApp(Runnable what) {
        String bankApp = attribute("open-bank-app", "href");
        String checkout = browser().getWindowHandle();
        browser().switchTo().newWindow(WindowType.TAB);
        browser().get(bankApp);
        waitUntilVisible("bank-app");
        what.run();
        waitUntilVisible("bank-result");
        browser().close();
        browser().switchTo().window(checkout);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String attribute(String id, String name) {
        return String.valueOf(browser().findElement(By.id(id)).getDomAttribute(name));
    }

    // ---- the merchant: links and what the API says about them ------------------------------------------------------

    private Link createLink() {
        return createLink((String) null);
    }

    /** A link for {@link #AMOUNT} by card or SBP that returns the buyer to the shop's thank-you page. */
    private Link createLink(@Nullable String failRedirectUrl) {
        return createLink(data -> {
            if (failRedirectUrl != null) data.put("failRedirectUrl", failRedirectUrl);
        });
    }

    /** The link of {@link #createLink(String)}, with the merchant's changes to its {@code Data}. */
    private Link createLink(Consumer<ObjectNode> changes) {
        return createLink("/acquiring/v1.0/payments", changes);
    }

    private Link createLink(String method, Consumer<ObjectNode> changes) {
        ObjectNode data = JSON.createObjectNode()
                .put("customerCode", server.info().customerCode())
                .put("amount", AMOUNT)
                .put("purpose", PURPOSE)
                .put("redirectUrl", shopUrl("/thanks"))
                .put("preAuthorization", false);
        data.putArray("paymentMode").add("card").add("sbp");
        changes.accept(data);
        String body = JSON.createObjectNode().set("Data", data).toString();
        JsonNode created = server.api().post(method, body).expectStatus(200).data();
        return new Link(
                created.get("operationId").asText(),
                created.get("paymentLink").asText(),
                created.get("paymentLinkId").asText());
    }

    private JsonNode operation(Link link) {
        return server.api()
                .get("/acquiring/v1.0/payments/" + link.operationId())
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
    }

    private void assertStatus(Link link, String status) {
        assertThat(operation(link).get("status").asText()).isEqualTo(status);
    }

    private void assertPaid(Link link, String paymentType) {
        JsonNode operation = operation(link);
        assertThat(operation.get("status").asText()).isEqualTo("APPROVED");
        assertThat(operation.get("paymentType").asText()).isEqualTo(paymentType);
    }

    /** The name the pages show for the seller: the company's short name, as the API tells it. */
    private String sellerName() {
        JsonNode company = server.api()
                .get("/open-banking/v1.0/customers/" + server.info().customerCode())
                .expectStatus(200)
                .data();
        return company.hasNonNull("shortName")
                ? company.get("shortName").asText()
                : company.get("fullName").asText();
    }

    private String publicUrl() {
        return server.info().publicUrl();
    }

    // ---- the buyer: pages and what they show --------------------------------------------------------------------

    private void openLink(Link link) {
        browser().get(link.url());
        waitUntilVisible("pay-card");
    }

    private void openCardForm(Link link) {
        openLink(link);
        chooseWayToPay("card");
    }

    /** Clicks the order page's way to pay ({@code card}, {@code sbp}) and waits for its page. */
    private void chooseWayToPay(String mode) {
        browser().findElement(By.id("pay-" + mode)).click();
        waitUntil(ExpectedConditions.urlContains("/order/" + mode + "?"));
    }

    /** Pays with a card that expires in the future, with a valid CVC and a receipt address. */
    private void payByCard(String number) {
        payByCard(number, "12", "30", "123", "buyer@example.com");
    }

    /** Fills the card form as a buyer types it and submits it; where the browser goes next is the test's to check. */
    private void payByCard(String number, String month, String year, String cvc, String email) {
        waitUntilVisible("pay");
        type("number", number);
        type("month", month);
        type("year", year);
        type("cvc", cvc);
        type("email", email);
        browser().findElement(By.id("pay")).click();
    }

    private void answerThreeDsChallenge(String code) {
        waitUntil(ExpectedConditions.urlContains("/order/3ds?"));
        waitUntilVisible("code");
        type("code", code);
        browser().findElement(By.id("confirm")).click();
    }

    private void landOnShop(String path) {
        String url = shopUrl(path);
        waitUntil(page -> String.valueOf(page.getCurrentUrl()).startsWith(url));
        waitUntilVisible("shop");
    }

    private void landOnOurFailurePage() {
        waitUntil(ExpectedConditions.urlContains("/order/failure?"));
        waitUntilVisible("notice-text");
    }

    private void type(String id, String text) {
        WebElement field = browser().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String id) {
        return browser().findElement(By.id(id)).getText();
    }

    /** What the field holds now, as opposed to what the page was rendered with. */
    private String value(String id) {
        return String.valueOf(browser().findElement(By.id(id)).getDomProperty("value"));
    }

    private void waitUntilVisible(String id) {
        waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private <T> T waitUntil(ExpectedCondition<T> condition) {
        WebDriverWait wait = new WebDriverWait(browser(), DEADLINE);
        // Selenium's timeout names the condition; where the browser actually is tells why it was not met.
        wait.withMessage(() -> "the browser is at " + browser().getCurrentUrl());
        return wait.until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser().getScreenshotAs(OutputType.BYTES));
    }

    private static ChromeDriver browser() {
        if (buyer == null) throw new IllegalStateException("the browser runs only while the test class does");
        return buyer.driver();
    }

    // ---- the merchant's shop and the buyer's phone --------------------------------------------------------------

    private static String shopUrl(String path) {
        if (shop == null) throw new IllegalStateException("the shop runs only while the test class does");
        return "http://127.0.0.1:" + shop.getAddress().getPort() + path;
    }

    private static void shopPage(HttpExchange exchange, String heading) throws IOException {
        byte[] html = ("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Магазин</title></head>"
                        + "<body><h1 id=\"shop\">" + heading + "</h1></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, html.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(html);
        }
    }

    private static byte[] fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }
}
