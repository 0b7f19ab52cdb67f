package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/** The webhooks and the request log in Chromium, at desktop width and at 390 px, with screenshots. */
class ConsoleLogsBrowserIT {

    @RegisterExtension
    static final ServerExtension running =
            new ServerExtension(() -> TestServer.start(Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl())
                    .withWebhooks(ConsoleWebhooksIT.THREE_ATTEMPTS)));

    private static Browser browser;
    private static WebhookReceiver receiver;

    private final TestServer server = running.get();

    @BeforeAll
    static void start() {
        browser = Browser.start(1280, 900);
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        receiver.close();
    }

    @Test
    void the_webhooks_and_the_request_log_read_and_resend_in_a_browser() {
        ApiClient shop = server.api(server.application()
                .keys()
                .issue(
                        "Интернет-магазин",
                        Set.copyOf(Permission.ACQUIRING),
                        Set.of(DemoData.BUSINESS_CODE),
                        null,
                        false)
                .token());
        String clientId = ConsoleWebhooksIT.clientIdOf(shop);
        shop.send(
                        "PUT",
                        "/webhook/v1.0/" + clientId,
                        "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + receiver.url() + "\"}")
                .expectStatus(200);
        String operationId = shop.post(
                        "/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": "1250.00", "purpose": "Заказ 42",
                                  "paymentMode": ["card", "sbp"], "paymentLinkId": "%s"}}
                        """.formatted(DemoData.BUSINESS_CODE, UUID.randomUUID()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        receiver.clear();
        server.simulate(operationId, "card", "approve").expectStatus(200);
        // The payment's webhook first, so that the failures below go to the test webhook and not to it.
        receiver.next(java.time.Duration.ofSeconds(15));
        receiver.answer(500, 502, 504);
        shop.post("/webhook/v1.0/" + clientId + "/test_send", "{\"webhookType\": \"acquiringInternetPayment\"}")
                .expectStatus(200);
        var driver = browser.driver();
        ConsoleLogin.signIn(browser, server, ConsoleLogin.ADMIN, Config.TEST_CONSOLE_PASSWORD);

        driver.get(server.url() + "/console/webhooks?clientId=" + clientId + "&status=FAILED");
        browser.waiting().until(driver1 -> {
            driver1.navigate().refresh();
            return !driver1.findElements(By.cssSelector("tr.delivery[data-status=FAILED]"))
                    .isEmpty();
        });
        driver.get(server.url() + "/console/webhooks");
        assertThat(driver.findElement(By.id("subscriptions-table")).getText()).contains("Интернет-магазин");
        assertThat(driver.findElements(By.cssSelector("tr.delivery"))).hasSizeGreaterThanOrEqualTo(2);
        browser.screenshot("console-webhooks");
        resize(390, 844);
        browser.screenshot("console-webhooks-390");
        resize(1280, 900);

        driver.findElement(By.cssSelector("tr.delivery[data-status=FAILED] td.when a"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attempts-table")));
        assertThat(driver.findElements(By.cssSelector("tr.attempt"))).hasSize(3);
        browser.screenshot("console-webhooks-event-failed");
        driver.findElement(By.id("resend")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("resent")));
        browser.waiting().until(driver1 -> {
            driver1.navigate().refresh();
            return !driver1.findElements(By.cssSelector("tr.attempt[data-code='200']"))
                    .isEmpty();
        });
        browser.screenshot("console-webhooks-event-resent");
        resize(390, 844);
        browser.screenshot("console-webhooks-event-390");
        resize(1280, 900);

        driver.get(server.url() + "/console/requests?lang=en");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("requests-table")));
        browser.screenshot("console-requests-en");
        driver.get(server.url() + "/console/requests?lang=ru");
        browser.screenshot("console-requests");
        resize(390, 844);
        browser.screenshot("console-requests-390");
        resize(1280, 900);
        driver.findElement(By.xpath("//tr[contains(@class,'request')][.//code[text()='/uapi/acquiring/v1.0/payments']]"
                        + "//td[contains(@class,'when')]/a"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("response-body")));
        assertThat(driver.findElement(By.id("response-body")).getText()).contains(operationId);
        browser.screenshot("console-requests-entry");
        resize(390, 844);
        browser.screenshot("console-requests-entry-390");
        resize(1280, 900);
    }

    private static void resize(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }
}
