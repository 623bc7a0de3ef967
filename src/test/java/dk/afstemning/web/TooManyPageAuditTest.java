package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URL;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.security.LowLimits;
import dk.afstemning.web.Chromium.Size;

/**
 * The "too many requests" page (HTTP 429) under the same axe-core audit as {@link AccessibilityAuditTest}, in both
 * languages on a phone and a projector. It runs with {@link LowLimits}, and each browser speaks from an address of
 * its own ({@code X-Forwarded-For}), so that reaching the limit bothers no other test.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class TooManyPageAuditTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @TestHTTPResource("/")
    URL baseUrl;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("TooManyPageAuditTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @TestFactory
    Stream<DynamicTest> theTooManyRequestsPagePassesAxeInBothLanguagesOnPhoneAndProjector() {
        return AccessibilityAuditTest.LANGUAGES.stream().flatMap(lang -> Stream.of(Size.values())
                .map(size -> dynamicTest("too-many-" + lang + "-" + size.label(), () -> {
                    WebDriver browser = chromium.of(size, "too-many-browser-" + lang + "-" + size.label());
                    ChromeDriver chrome = (ChromeDriver) browser;
                    chrome.executeCdpCommand("Network.enable", Map.of());
                    chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                            Map.of("X-Forwarded-For", "10.42.7." + (10 + ADDRESS.incrementAndGet()))));
                    // Unknown join codes until the limits refuse this address.
                    for (int i = 0; i < 15 && !browser.getTitle().startsWith(title(lang)); i++) {
                        browser.get(chromium.url("/join?code=QQQQQQ&lang=" + lang));
                    }
                    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title(lang));
                    AccessibilityAuditTest.check(browser, "too-many", lang, size);
                })));
    }

    private static String title(String lang) {
        return lang.equals("da") ? "For mange forespørgsler" : "Too many requests";
    }
}
