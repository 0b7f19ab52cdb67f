package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The whole key wizard in Chromium, as the guide's steps 1 to 7 go: sign in, "Connect", "Generate a JWT key", the
 * name, the accesses, the term and consents, the code read off the development phone, the token shown; then that
 * token on the API. At desktop width in Russian and at 390 px in English, with a screenshot of every step
 * ({@code target/screenshots/console-keys-*.png}).
 */
class KeyWizardBrowserIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Pattern CODE = Pattern.compile("»: ([0-9]{6})\\.");

    private static @Nullable Browser browser;

    private final TestServer server = running.get();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void a_key_made_in_the_browser_works_on_the_api_at_desktop_width() {
        runWizard(1280, 1000, "ru", "Эквайринг", "");
    }

    @Test
    void a_key_made_in_the_browser_works_on_the_api_at_390_px_in_english() {
        runWizard(390, 844, "en", "Acquiring", "-390");
    }

    private void runWizard(int width, int height, String lang, String name, String suffix) {
        Browser browser = browser();
        ChromeDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get(server.url() + "/console/login?lang=" + lang);
        driver.manage().deleteAllCookies();
        driver.get(server.url() + "/console/login?lang=" + lang);
        ConsoleLogin.signIn(browser, server, ConsoleLogin.ADMIN, Config.TEST_CONSOLE_PASSWORD);

        driver.findElement(By.id("nav-integrations")).click();
        waitFor(By.id("connect"));
        assertThat(driver.getPageSource())
                .contains(lang.equals("en") ? "Tochka API and your applications" : "API Точки и ваши приложения");
        browser.screenshot("console-keys-list" + suffix);

        driver.findElement(By.id("connect")).click();
        waitFor(By.id("connect-jwt"));
        browser.screenshot("console-keys-connect" + suffix);

        driver.findElement(By.id("connect-jwt")).click();
        waitFor(By.id("name")).sendKeys(name);
        browser.screenshot("console-keys-name" + suffix);
        driver.findElement(By.id("continue")).click();

        WebElement company = waitFor(By.id("company-" + server.customerCode()));
        if (!company.isSelected()) company.click();
        assertThat(driver.findElements(By.cssSelector("input[name^=access-]:checked")))
                .as("all eight ticked by default")
                .hasSize(8);
        browser.screenshot("console-keys-access" + suffix);
        driver.findElement(By.id("continue")).click();

        waitFor(By.id("consent-personal-data")).click();
        driver.findElement(By.id("consent-offer")).click();
        assertThat(driver.findElement(By.id("term-unlimited")).isSelected()).isTrue();
        browser.screenshot("console-keys-terms" + suffix);
        driver.findElement(By.id("create-key")).click();

        waitFor(By.id("code"));
        String codePage = driver.getCurrentUrl();
        browser.screenshot("console-keys-code" + suffix);
        assertThat(driver.findElement(By.id("open-phone")).getAttribute("href")).endsWith("/console/phone");
        driver.get(server.url() + "/console/phone");
        waitFor(By.id("phone"));
        browser.screenshot("console-keys-phone" + suffix);
        Matcher code = CODE.matcher(driver.findElement(By.id("phone")).getText());
        assertThat(code.find()).as("a code on the phone").isTrue();

        driver.get(codePage);
        waitFor(By.id("code")).sendKeys(code.group(1));
        driver.findElement(By.id("confirm")).click();

        String token = waitFor(By.id("key-token")).getText().strip();
        assertThat(driver.findElement(By.id("key-name")).getText()).isEqualTo(name);
        assertThat(driver.findElement(By.id("key-method")).getText())
                .isEqualTo(lang.equals("en") ? "JWT key" : "JWT-ключ");
        assertThat(driver.findElement(By.id("key-client-id")).getText()).isNotBlank();
        browser.screenshot("console-keys-key" + suffix);
        assertThat(server.api(token).get("/open-banking/v1.0/customers").status())
                .isEqualTo(200);

        driver.findElement(By.id("back")).click();
        waitFor(By.id("keys"));
        browser.screenshot("console-keys-listed" + suffix);
        // Nothing of the page runs a script that fails or breaks the policy.
        assertThat(driver.manage().logs().get("browser").getAll())
                .noneMatch(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue());
    }

    private WebElement waitFor(By by) {
        return browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static Browser browser() {
        Browser started = browser;
        if (started == null) throw new IllegalStateException("the browser did not start");
        return started;
    }
}
