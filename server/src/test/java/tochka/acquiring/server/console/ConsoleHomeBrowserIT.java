package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The home page and the companies pages in Chromium, at a desktop's width and a phone's (390 px), in Russian and
 * English: the chart is drawn and fits, the forms add a retailer, and screenshots go to {@code target/screenshots}.
 */
class ConsoleHomeBrowserIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static Browser browser;

    private final TestServer server = running.get();

    @BeforeAll
    static void a_browser_signed_in_as_the_admin_with_some_payments() {
        TestServer server = running.get();
        server.paidCardLink("1250.50");
        server.paidCardLink("310");
        String sbp = server.api()
                .post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 480.75, "purpose": "flowers",
                          "paymentMode": ["sbp", "card"]}}""".formatted(server.customerCode()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.control().pay(sbp, "sbp");
        browser = Browser.start(1280, 900);
        ConsoleLogin.signIn(browser, server, ConsoleLogin.ADMIN, Config.TEST_CONSOLE_PASSWORD);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void the_home_page_draws_the_turnover_chart_on_a_desktop_and_a_phone() {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 1700));
        driver.get(server.url() + "/console?company=" + server.customerCode());
        WebElement chart =
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("turnover-chart")));
        assertThat(driver.findElements(By.cssSelector("#turnover-chart g.bar-day")))
                .hasSize(30);
        assertThat(driver.findElements(By.cssSelector("#turnover-chart rect.m-card")))
                .isNotEmpty();
        assertThat(driver.findElement(By.id("paid-sum")).getText()).contains("2");
        browser.screenshot("console-home");

        driver.get(server.url() + "/console?lang=en");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("turnover-chart")));
        browser.screenshot("console-home-en");

        driver.manage().window().setSize(new Dimension(390, 2200));
        driver.get(server.url() + "/console?lang=ru");
        chart = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("turnover-chart")));
        Object pageWidth = driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) Objects.requireNonNull(pageWidth)).intValue())
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(390);
        assertThat(chart.getSize().getWidth()).isLessThanOrEqualTo(390).isGreaterThan(300);
        browser.screenshot("console-home-390");
    }

    @Test
    void an_admin_adds_a_retailer_through_the_form_and_the_companies_pages_fit_a_phone() {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 1700));
        driver.get(server.url() + "/console/companies?lang=en");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("add-company")));
        browser.screenshot("console-companies");

        driver.findElement(By.id("add-company")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("customerCode")));
        driver.findElement(By.id("customerCode")).sendKeys("12");
        driver.findElement(By.id("fullName")).sendKeys("Oduvanchik");
        driver.findElement(By.id("taxCode")).sendKeys("77012");
        driver.findElement(By.id("save-company")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-problems")));
        browser.screenshot("console-companies-new-problems");

        driver.findElement(By.id("customerCode")).clear();
        driver.findElement(By.id("customerCode")).sendKeys("300000401");
        driver.findElement(By.id("taxCode")).clear();
        driver.findElement(By.id("taxCode")).sendKeys("7701234571");
        driver.findElement(By.id("save-company")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("added")));

        driver.findElement(By.id("add-retailer")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("retailer-form")));
        driver.findElement(By.id("name")).sendKeys("Oduvanchik shop");
        driver.findElement(By.id("mode-tinkoff")).click();
        browser.screenshot("console-companies-retailer");
        driver.findElement(By.id("save-retailer")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("added")));
        assertThat(driver.findElement(By.cssSelector("table.retailers")).getText())
                .contains("Oduvanchik shop", "REG", "Card, SBP, T-Pay", "2.6 %");
        browser.screenshot("console-companies-company");

        driver.manage().window().setSize(new Dimension(390, 2200));
        driver.get(server.url() + "/console/companies");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("add-company")));
        Object pageWidth = driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) Objects.requireNonNull(pageWidth)).intValue())
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(390);
        browser.screenshot("console-companies-390");
        driver.get(server.url() + "/console/companies/300000401/retailers/new");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("retailer-form")));
        browser.screenshot("console-companies-retailer-390");
    }
}
