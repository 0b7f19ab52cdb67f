package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The console's Payments in a real Chromium: the refund button refunds once on a real double click, the list and a
 * payment's page update by themselves when the buyer pays, and how the pages look on a desktop and a phone.
 */
class ConsolePaymentsBrowserIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static Browser browser;

    private final TestServer server = running.get();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
        ConsoleLogin.signIn(browser, running.get(), ConsoleLogin.ADMIN, Config.TEST_CONSOLE_PASSWORD);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void the_refund_button_refunds_once_on_a_double_click() {
        String operationId = server.paidCardLink("50.00");
        var driver = browser.driver();
        driver.get(server.url() + "/console/payments/" + operationId);
        WebElement amount = driver.findElement(By.id("refund-amount"));
        amount.clear();
        amount.sendKeys("10,00");
        WebElement button = driver.findElement(By.id("refund"));

        new Actions(driver).doubleClick(button).perform();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("payment-notice")));
        browser.waiting()
                .until(ExpectedConditions.attributeToBe(By.id("payment-status"), "data-status", "REFUNDED_PARTIALLY"));
        assertThat(refunded(operationId)).isEqualByComparingTo("10");
        assertThat(driver.findElement(By.id("refund-remaining")).getText()).contains("40,00");
        assertNoScriptErrors();
    }

    @Test
    void the_list_and_a_payments_page_show_the_buyers_payment_without_a_reload() {
        var driver = browser.driver();
        String marker = "live" + UUID.randomUUID().toString().substring(0, 8);
        String listed = link(marker, "15.00");
        driver.get(server.url() + "/console/payments?q=" + marker);
        By row = By.id("payment-" + listed);
        assertThat(driver.findElement(row).getAttribute("data-status")).isEqualTo("CREATED");

        server.control().pay(listed);

        browser.waiting().until(ExpectedConditions.attributeToBe(row, "data-status", "APPROVED"));

        String opened = link(marker + " page", "16.00");
        driver.get(server.url() + "/console/payments/" + opened);
        assertThat(driver.findElement(By.id("payment-status")).getAttribute("data-status"))
                .isEqualTo("CREATED");

        server.control().pay(opened);

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("payment-status"), "data-status", "APPROVED"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("payment-status"), "Оплачен"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("refund-form")));
        assertNoScriptErrors();
    }

    @Test
    void screenshots_of_the_list_and_a_payment_on_a_desktop_and_a_phone() {
        var driver = browser.driver();
        String marker = "shot" + UUID.randomUUID().toString().substring(0, 8);
        String paid = server.paidCardLink("1234.50");
        String refunded = server.paidCardLink("99.99");
        link(marker + " Заказ №1042, доставка курьером", "2500.00");
        String twoStage = server.api()
                .post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 777, "purpose": "%s hold",
                         "paymentMode": ["card"], "preAuthorization": true}}
                        """.formatted(server.customerCode(), marker))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.control().authorize(twoStage);
        driver.get(server.url() + "/console/payments/" + refunded);
        WebElement amount = driver.findElement(By.id("refund-amount"));
        amount.clear();
        amount.sendKeys("9,99");
        driver.findElement(By.id("refund")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("payment-notice")));

        try {
            driver.get(server.url() + "/console/payments");
            browser.screenshot("console-payments-list");
            driver.get(server.url() + "/console/payments/" + paid);
            browser.screenshot("console-payments-payment");
            driver.get(server.url() + "/console/payments/" + twoStage + "?lang=en");
            browser.screenshot("console-payments-payment-en");
            driver.get(server.url() + "/console/payments?lang=en&status=NOPE&from=2024-13-01");
            browser.screenshot("console-payments-bad-filter-en");
            driver.get(server.url() + "/console/payments?lang=ru");

            driver.manage().window().setSize(new Dimension(390, 1400));
            driver.get(server.url() + "/console/payments");
            assertThat(horizontalOverflow())
                    .as("the page itself does not scroll sideways")
                    .isFalse();
            browser.screenshot("console-payments-list-390");
            driver.get(server.url() + "/console/payments/" + paid);
            assertThat(horizontalOverflow()).isFalse();
            browser.screenshot("console-payments-payment-390");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertNoScriptErrors();
    }

    private boolean horizontalOverflow() {
        Object overflow = browser.driver()
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(overflow);
    }

    private void assertNoScriptErrors() {
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.BROWSER)) {
            // The page of bad filters answers 400 on purpose; Chromium logs that status as an error.
            if (entry.getMessage().contains("status=NOPE")) continue;
            assertThat(entry.getLevel().intValue())
                    .as("browser console: %s", entry.getMessage())
                    .isLessThan(java.util.logging.Level.WARNING.intValue());
        }
    }

    private String link(String purpose, String amount) {
        return server.api()
                .post(
                        "/acquiring/v1.0/payments",
                        "{\"Data\": {\"customerCode\": \"" + server.customerCode() + "\", \"amount\": " + amount
                                + ", \"purpose\": \"" + purpose + "\", \"paymentMode\": [\"card\", \"sbp\"]}}")
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private BigDecimal refunded(String operationId) {
        BigDecimal refunded = BigDecimal.ZERO;
        JsonNode operation = server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
        for (JsonNode order : operation.get("Order")) {
            if (order.get("type").asText().equals("refund"))
                refunded = refunded.add(order.get("amount").decimalValue());
        }
        return refunded;
    }
}
