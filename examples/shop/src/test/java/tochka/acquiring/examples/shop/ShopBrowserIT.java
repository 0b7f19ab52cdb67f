package tochka.acquiring.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.junit.TochkaServer;
import tochka.acquiring.testkit.TestServer;

/**
 * The shop as a buyer uses it, in a real headless Chromium: the products page, "Pay", our server's hosted payment
 * page, the test card, and back to the shop's order page, which shows the order paid once the bank's webhook has
 * come. The shop and our server both run in this JVM, as in {@link ShopEndToEndIT}.
 */
@TochkaServer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ShopBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Relative to the module directory, where failsafe runs the tests. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** The hosted page's approved test card (docs/checkout.md). */
    private static final String APPROVED_CARD = "4111 1111 1111 1111";

    /** Our server, started by {@code @TochkaServer} for this class; the shop's context is made after it. */
    @SuppressWarnings("NullAway.Init") // set in @BeforeAll, before any test or the Spring context needs it
    private static TestServer server;

    @LocalServerPort
    private int port;

    @Autowired
    private OrderStore orders;

    @Autowired
    private TochkaClient tochka;

    private @Nullable ChromeDriver browser;
    private @Nullable Path profile;

    @DynamicPropertySource
    static void tochka(DynamicPropertyRegistry properties) {
        properties.add("tochka.base-url", () -> server.apiUrl());
        properties.add("tochka.token", () -> server.demoToken());
        properties.add("tochka.customer-code", () -> server.customerCode());
        properties.add("tochka.webhook.key-url", () -> server.url() + "/doc/openapi/static/keys/public");
        // The shop registers its webhook URL at start; without it the order would never be marked paid.
        properties.add("shop.webhook-client-id", () -> server.clientId());
    }

    @BeforeAll
    static void bank(TestServer started) {
        server = started;
    }

    /**
     * A headless Debian Chromium through Debian's chromedriver, with a fresh profile: both given explicitly, so
     * Selenium Manager has nothing to look up and downloads nothing. Fails (never skips) without Chromium.
     */
    @BeforeEach
    void startBrowser() throws IOException {
        // A skipped browser test reads as green while the pages go untested.
        String install = "the browser test needs Chromium and its driver: apt-get install chromium chromium-driver";
        assertThat(CHROMEDRIVER).as(install).isExecutable();
        assertThat(CHROMIUM).as(install).isExecutable();
        profile = Files.createTempDirectory("shop-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=900,600",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        try {
            if (browser != null) browser.quit(); // also stops the driver's service
        } finally {
            browser = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
            profile = null;
        }
    }

    @Test
    void a_buyer_pays_by_card_on_the_banks_page_and_comes_back_to_the_order_shown_paid() {
        browser().get(shop("/"));
        waitUntilVisible("pay-mug");
        browser().findElement(By.id("pay-mug")).click();

        // The shop's "Pay" made an order and its payment link, and the browser followed the link to our server.
        waitUntil(page -> currentUrl(page).startsWith(server.url() + "/"));
        waitUntilVisible("pay-card");
        assertThat(text("amount")).isEqualTo("590,00 ₽");
        assertThat(text("purpose")).contains("Кружка «Точка»");
        browser().findElement(By.id("pay-card")).click();
        waitUntil(ExpectedConditions.urlContains("/order/card?"));
        waitUntilVisible("pay");
        type("number", APPROVED_CARD);
        type("month", "12");
        type("year", String.format("%02d", (Year.now().getValue() + 2) % 100));
        type("cvc", "123");
        browser().findElement(By.id("pay")).click();

        // The hosted page sends the buyer back to the link's redirectUrl: the shop's page of this order.
        waitUntil(page -> currentUrl(page).startsWith(shop("/orders/")));
        String orderId = currentUrl(browser()).substring(shop("/orders/").length());
        // The buyer may be back before the bank's webhook; the page offers to look again until it has come.
        new WebDriverWait(browser(), DEADLINE)
                .ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    if ("PAID".equals(page.findElement(By.id("status")).getDomAttribute("data-status"))) return true;
                    List<WebElement> refresh = page.findElements(By.id("refresh"));
                    if (!refresh.isEmpty()) refresh.get(0).click();
                    return false;
                });

        assertThat(text("status")).isEqualTo("Оплачен. Спасибо!");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Заказ " + orderId);
        assertThat(browser().findElements(By.id("refresh"))).isEmpty();
        screenshot("shop-order-paid.png");
        Order order = orders.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.amount()).isEqualByComparingTo("590.00");
        assertThat(tochka.payments()
                        .get(Objects.requireNonNull(order.operationId(), "the order has its payment link"))
                        .status())
                .isEqualTo(AcquiringPaymentStatus.APPROVED);
    }

    private ChromeDriver browser() {
        if (browser == null) throw new IllegalStateException("the browser runs only while a test does");
        return browser;
    }

    private String shop(String path) {
        return "http://localhost:" + port + path;
    }

    private static String currentUrl(WebDriver page) {
        return String.valueOf(page.getCurrentUrl());
    }

    private void waitUntil(ExpectedCondition<?> condition) {
        new WebDriverWait(browser(), DEADLINE).until(condition);
    }

    private void waitUntilVisible(String id) {
        waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement field = browser().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String id) {
        return browser().findElement(By.id(id)).getText();
    }

    /** Saves what the window shows, for a person to look at. */
    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), browser().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
