package dk.afstemning.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility audits with axe-core (the npm package, fetched by the build into {@code target/axe-core}): injects
 * {@code axe.min.js} into the page through WebDriver (so the page's Content-Security-Policy does not apply) and runs
 * the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
 */
final class Axe {

    static final Path SCRIPT = Path.of("target", "axe-core", "package", "axe.min.js");
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    static final List<String> BLOCKING = List.of("serious", "critical");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
              .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
            """;

    private static String source;

    private Axe() {
    }

    /**
     * The page's violations of impact serious or critical, one readable line per element: rule id, impact, summary,
     * then the element's CSS selector and axe's failure summary.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver browser) {
        Chromium.js(browser).executeScript(script());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) Chromium.js(browser)
                .executeAsyncScript(RUN, TAGS);
        return violations.stream().filter(v -> BLOCKING.contains(v.get("impact")))
                .flatMap(v -> ((List<String>) v.get("nodes")).stream().map(node -> v.get("id") + " (" + v.get("impact")
                        + ", " + v.get("help") + ")\n      " + node))
                .toList();
    }

    /** Fails with the list of serious and critical violations of the page, if any. */
    static void assertNoSeriousViolations(WebDriver browser, String page) {
        List<String> found = seriousViolations(browser);
        if (!found.isEmpty()) {
            Assertions.fail("axe-core found " + found.size() + " serious or critical violation(s) on " + page + ":\n  - "
                    + String.join("\n  - ", found));
        }
    }

    private static synchronized String script() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(SCRIPT + " is missing: the build fetches it in generate-test-resources"
                        + " (run ./mvnw test, not just the IDE)", e);
            }
        }
        return source;
    }
}
