package tochka.acquiring.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The interactive API page as a developer uses it: Swagger UI, served by the server itself under its strict
 * policy, lists the bank's calls, takes the demo key in "Authorize" and runs a real call against this server.
 */
class DocsBrowserIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void a_developer_tries_a_bank_call_with_the_demo_key_from_the_docs_page() {
        var driver = browser.driver();
        driver.get(server.info().publicUrl() + "/");
        driver.findElement(By.id("link-docs")).click();

        WebElement customers = browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                        ".opblock-get .opblock-summary-path[data-path='/open-banking/v1.0/customers']")));
        assertThat(driver.findElements(By.cssSelector(".opblock-summary-path")))
                .as("only the operations this server implements")
                .extracting(WebElement::getText)
                .contains("/acquiring/v1.0/payments", "/acquiring/v1.0/payments/{operationId}/refund")
                .doesNotContain("/acquiring/v1.0/subscriptions", "/sbp/v1.0/qr-code/legal-entity/{legalId}");

        driver.findElement(By.cssSelector(".auth-wrapper .authorize")).click();
        // The bank's own scheme (an OAuth password flow at the bank) is listed too; the key goes into ours, "JWT".
        WebElement jwt = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(., 'JWT')]]")));
        jwt.findElement(By.cssSelector("input")).sendKeys(server.info().demoToken());
        jwt.findElement(By.cssSelector(".modal-btn.authorize")).click();
        driver.findElement(By.cssSelector(".modal-ux .btn-done, .modal-ux .close-modal"))
                .click();

        customers.click();
        WebElement operation = customers.findElement(
                By.xpath("./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' opblock ')][1]"));
        browser.waiting()
                .until(ignored -> operation.findElements(By.cssSelector(".execute")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null))
                .click();

        WebElement status = browser.waiting()
                .until(ignored ->
                        operation
                                .findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
                                .stream()
                                .findFirst()
                                .orElse(null));
        assertThat(status.getText()).isEqualTo("200");
        assertThat(operation
                        .findElement(By.cssSelector(".live-responses-table tbody .response-col_description"))
                        .getText())
                .contains(server.info().customerCode());
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .as("no script or policy errors on the page")
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .extracting(LogEntry::getMessage)
                .isEmpty();
    }
}
