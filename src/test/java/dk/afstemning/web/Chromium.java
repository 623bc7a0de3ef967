package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium browsers for the browser tests (Debian's {@code chromium} and {@code chromium-driver}), with the
 * same set-up and skip rule as {@link BrowserVoteTest}: without them a test is skipped with a message, except under
 * {@code CI=true}, where that is a failure. Keeps every browser it starts, for screenshots and quitting.
 */
final class Chromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Selenium has no DevTools bindings for Debian's Chromium and warns once per browser; these tests need none. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.OFF);
    }

    private final String owner;
    private final URL baseUrl;
    private final Map<String, WebDriver> browsers = new LinkedHashMap<>();
    private final List<Path> profiles = new ArrayList<>();

    /** @param owner the test class's simple name, for messages */
    Chromium(String owner, URL baseUrl) {
        this.owner = owner;
        this.baseUrl = baseUrl;
    }

    /** Skips the calling test when Chromium is missing, or fails it under {@code CI=true}. */
    void require() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + "; install them with: sudo apt-get install -y chromium chromium-driver";
        System.err.println(owner + ": " + message);
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.assumeTrue(false, message);
    }

    /** Screenshots of every browser under its name, then quits them all. */
    void quitAll() {
        browsers.forEach((name, browser) -> {
            try {
                screenshot(browser, name);
            } catch (RuntimeException e) {
                System.err.println(owner + ": no screenshot of " + name + ": " + e);
            }
        });
        browsers.forEach((name, browser) -> {
            try {
                browser.quit();
            } catch (RuntimeException e) {
                System.err.println(owner + ": could not quit " + name + ": " + e);
            }
        });
        browsers.clear();
        profiles.forEach(this::deleteRecursively);
        profiles.clear();
    }

    /** A phone: 360×640 CSS pixels with touch, asking for {@code language} in Accept-Language. */
    WebDriver phone(String name, String language) {
        return browser(name, options -> {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 360, "height", 640, "pixelRatio", 2.0, "touch", true)));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        });
    }

    /** A projector: a 1280×720 page. */
    WebDriver projector(String name) {
        return screen(name, 1280, 720);
    }

    /**
     * A desktop browser whose page is {@code width}×{@code height} CSS pixels, as on a projector in full screen
     * (1920×1080: full HD). The window alone would leave the page some 140 px less height than its size.
     */
    WebDriver screen(String name, int width, int height) {
        ChromeDriver driver = (ChromeDriver) browser(name,
                options -> options.addArguments("--window-size=" + width + "," + height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }

    /**
     * The page's width beyond the window's: {@code document.documentElement.scrollWidth - innerWidth}, 0 or less when
     * nothing scrolls sideways.
     */
    static int sidewaysOverflow(WebDriver browser) {
        return ((Number) js(browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }

    /** The two screen sizes every page is checked at, named as in the screenshots' file names. */
    enum Size {
        PHONE, PROJECTOR;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A phone (360×640, asking for English) or a projector (1280×720). */
    WebDriver of(Size size, String name) {
        return size == Size.PHONE ? phone(name, "en") : projector(name);
    }

    /**
     * Emulates a network with Chrome's DevTools protocol ({@code Network.emulateNetworkConditions}).
     *
     * @param latencyMs added round-trip latency in milliseconds
     * @param kbitPerSecond download and upload throughput in kbit/s, or -1 for no limit
     */
    static void network(WebDriver browser, boolean offline, int latencyMs, int kbitPerSecond) {
        ChromeDriver chrome = (ChromeDriver) browser;
        int bytesPerSecond = kbitPerSecond < 0 ? -1 : kbitPerSecond * 1000 / 8;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", latencyMs,
                "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
    }

    /** Chrome DevTools' "Slow 3G" as the issue defines it: 400 ms latency, 400 kbit/s each way. */
    static void slow3g(WebDriver browser) {
        network(browser, false, 400, 400);
    }

    /** A headless Chromium with a fresh profile, kept under {@code name} for its screenshot and quit. */
    WebDriver browser(String name, Consumer<ChromeOptions> device) {
        Path profile;
        try {
            profile = Files.createTempDirectory("afstemning-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile);
        device.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        browsers.put(name, driver);
        return driver;
    }

    String url(String path) {
        try {
            return baseUrl.toURI().resolve(path).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the page's live socket is open ({@code live.js} sets {@code body[data-live=connected]}). */
    static void awaitLive(WebDriver browser) {
        new WebDriverWait(browser, TIMEOUT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live=connected]")));
    }

    /**
     * The text of the element at {@code locator}, found afresh on every try until it reads without going stale. Pages
     * re-render lists and panels from scripts (the dashboard replaces a deck's talk list on every refresh), so a
     * WebElement held across such a re-render can be gone by the next call ("Node with given id does not belong to
     * the document"): read by locator, never through an element found earlier.
     */
    static String stableText(WebDriver browser, By locator) {
        return new WebDriverWait(browser, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElement(locator).getText());
    }

    /**
     * The texts of every element at {@code locator}, in order, all read in one try found afresh (tried again while
     * one goes stale), for lists a script redraws whole (the phone's results, the leaderboard, a select's options).
     */
    static List<String> stableTexts(WebDriver browser, By locator) {
        return new WebDriverWait(browser, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElements(locator).stream().map(org.openqa.selenium.WebElement::getText).toList());
    }

    /** Like {@link #stableText}, for an attribute. */
    static String stableAttribute(WebDriver browser, By locator, String attribute) {
        return new WebDriverWait(browser, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(b -> String.valueOf(b.findElement(locator).getAttribute(attribute)));
    }

    /** How many elements match {@code locator} once it is {@code expected}, counted afresh on every try. */
    static void awaitCount(WebDriver browser, By locator, int expected) {
        await(browser, TIMEOUT, "elements matching " + locator, b -> b.findElements(locator).size(), expected);
    }

    /** Waits until the element's text is {@code expected}, then asserts it, so a timeout reports the text it saw. */
    static void awaitText(WebDriver browser, By locator, String expected) {
        awaitText(browser, locator, expected, TIMEOUT);
    }

    static void awaitText(WebDriver browser, By locator, String expected, Duration timeout) {
        try {
            new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBe(locator, expected));
        } catch (TimeoutException e) {
            // the assertion below fails with the actual text
        }
        assertThat(stableText(browser, locator)).as("text of %s", locator).isEqualTo(expected);
    }

    /**
     * Waits until {@code read} gives {@code expected}, then asserts it, so a timeout reports the last value.
     */
    static <T> void await(WebDriver browser, Duration timeout, String what, Function<WebDriver, T> read, T expected) {
        try {
            new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class)
                    .until(b -> expected.equals(read.apply(b)));
        } catch (TimeoutException e) {
            // the assertion below fails with the actual value
        }
        assertThat(read.apply(browser)).as(what).isEqualTo(expected);
    }

    /**
     * The controls a viewer can see on the page: every button, input, select, textarea and language link with a size
     * and neither hidden nor transparent (by class name, else text).
     */
    @SuppressWarnings("unchecked")
    static List<String> visibleControls(WebDriver browser) {
        return (List<String>) js(browser).executeScript("""
                return Array.from(document.querySelectorAll('button, input, select, textarea, nav.lang a'))
                  .filter((e) => { const r = e.getBoundingClientRect();
                    return r.width > 0 && r.height > 0
                      && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }); })
                  .map((e) => e.className || e.textContent.trim());
                """);
    }

    static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: a browser that is still shutting down may hold on to a file of its profile. */
    private void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println(owner + ": could not delete " + folder + ": " + e);
        }
    }
}
