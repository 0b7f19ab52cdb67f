package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.Browser;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** Signing in to the console in a real browser, on a phone's width, in both languages. */
class ConsoleBrowserIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(390, 844);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void a_merchant_opens_the_console_from_the_landing_page_signs_in_and_out_on_a_phone() {
        var driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(server.url() + "/");
        driver.findElement(By.id("link-console")).click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        assertThat(driver.getCurrentUrl()).contains("/console/login?next=");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Вход в консоль");
        assertThat(pageWidth()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        browser.screenshot("console-login-390");

        driver.findElement(By.id("lang")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in to the console"));
        driver.findElement(By.id("login")).sendKeys(ConsoleLogin.ADMIN);
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.id("sign-in")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("Wrong login or password.");
        browser.screenshot("console-login-wrong-en-390");

        driver.findElement(By.id("password")).sendKeys(Config.TEST_CONSOLE_PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertThat(driver.findElement(By.id("who")).getText()).contains("admin");
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        browser.screenshot("console-home-signed-in-390");
        driver.get(server.url() + "/console/password");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password-form")));
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        browser.screenshot("console-password-390");

        driver.findElement(By.id("logout")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        driver.get(server.url() + "/console");
        assertThat(driver.getCurrentUrl()).as("signed out: back to sign-in").contains("/console/login");
    }

    private long pageWidth() {
        Object width = browser.driver().executeScript("return document.documentElement.scrollWidth;");
        return Long.parseLong(String.valueOf(width));
    }
}
