package tochka.acquiring.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, with a fresh profile that is deleted on close.
 * Both are given explicitly, so Selenium Manager has nothing to look up and downloads nothing.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int MIN_WINDOW_WIDTH = 500;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a browser with a window of {@code width} x {@code height} (a phone's, emulated, below 500 px); fails
     * (never skips) without Chromium.
     */
    public static Browser start(int width, int height) {
        // Fail rather than skip: a skipped browser test reads as green while the pages go untested.
        String install = "the browser tests need Chromium and its driver: apt-get install chromium chromium-driver";
        assertThat(CHROMEDRIVER).as(install).isExecutable();
        assertThat(CHROMIUM).as(install).isExecutable();
        try {
            Path profile = Files.createTempDirectory("tochka-chromium");
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
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            if (width < MIN_WINDOW_WIDTH) {
                // Chromium's windows are never narrower than 500 px; a phone's width is emulated instead, as the
                // developer tools' device mode does.
                options.setExperimentalOption(
                        "mobileEmulation",
                        Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1)));
            }
            // The page's console, for tests that check a page runs without script or policy errors.
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait of {@link #DEADLINE} on this browser. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, DEADLINE);
    }

    /**
     * Saves what the browser window shows as {@code target/screenshots/<name>.png} (make the window tall for a long page), for a person to
     * look at; returns the file.
     */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit(); // also stops the driver's service
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
