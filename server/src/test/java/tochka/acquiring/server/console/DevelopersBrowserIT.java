package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** The Developers page in Chromium, on a desktop and a 390 px phone, in Russian and English. */
class DevelopersBrowserIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static Browser browser;

    private final TestServer server = running.get();

    @BeforeAll
    static void sign_in() {
        browser = Browser.start(1280, 1500);
        ConsoleLogin.signIn(browser, running.get(), ConsoleLogin.ADMIN, Config.TEST_CONSOLE_PASSWORD);
    }

    @AfterAll
    static void close_browser() {
        browser.close();
    }

    @Test
    void the_page_reads_on_a_desktop_and_offers_the_keys_for_the_environment() {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 1500));
        driver.get(server.url() + "/console/developers?lang=ru");

        assertThat(driver.findElement(By.id("nav-developers")).getAttribute("class"))
                .isEqualTo("active");
        assertThat(driver.findElement(By.id("url-api")).getText()).isEqualTo(server.apiUrl());
        Select keys = new Select(driver.findElement(By.id("key")));
        assertThat(keys.getFirstSelectedOption().getAttribute("value")).isEqualTo(server.clientId());
        assertThat(driver.findElement(By.id("download-collection")).getAttribute("href"))
                .endsWith(DevelopersSection.COLLECTION);
        assertThat(driver.findElement(By.id("admin-note")).getText()).contains("admin_token");
        browser.screenshot("console-developers");

        driver.get(server.url() + "/console/developers?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Developers");
        browser.screenshot("console-developers-en");
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .as("no script or policy errors")
                .isEmpty();
        driver.get(server.url() + "/console/developers?lang=ru");
    }

    @Test
    void the_page_reads_at_390_px_without_scrolling_sideways() {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(390, 2200));
        try {
            driver.get(server.url() + "/console/developers");

            Long pageWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
            Long viewWidth = (Long) driver.executeScript("return document.documentElement.clientWidth;");
            assertThat(pageWidth).as("the page's width at 390 px").isLessThanOrEqualTo(viewWidth);
            WebElement download = driver.findElement(By.id("download-environment"));
            assertThat(download.isDisplayed()).isTrue();
            browser.screenshot("console-developers-390");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1500));
        }
    }
}
