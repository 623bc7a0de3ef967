package dk.afstemning.web;

import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Issue 18: Markdown slides are drawn by Marp itself (marp-core 5.0.2, /js/vendor/marp.js) on the audience screen, in
 * the speaker console's previews, at 1280×720 in headless Chromium, from the committed decks in
 * {@code src/test/resources/marp}: backgrounds are Marp's figures, not images in the text; math is typeset by KaTeX;
 * header, footer and page numbers show; a {@code <!--fit-->} heading is scaled; emoji shortcodes are replaced; no
 * image keyword is seen. A hostile deck runs nothing and its style stays inside its slide. Screenshots:
 * {@code target/screenshots/marp-*.png}.
 */
@QuarkusTest
class BrowserMarpTest {

    /** What a drawn slide shows: its visible text, Marp's pieces, and where its box is. */
    private static final String SLIDE = """
            const box = document.querySelector(`section.slide[data-slide="${arguments[0]}"] .marp-slide`);
            if (!box) return null;
            const content = box.querySelector('section[data-marpit-advanced-background="content"]')
              || box.querySelector('foreignObject > section');
            const r = box.getBoundingClientRect();
            return { text: content.innerText.split('\\n').map((l) => l.trim()).filter((l) => l).join('\\n'),
              figures: [...box.querySelectorAll('section[data-marpit-advanced-background="background"] figure')]
                .map((f) => f.style.backgroundImage),
              textImages: [...content.querySelectorAll('img')].map((i) => i.getAttribute('src')),
              header: content.querySelector('header')?.innerText ?? null,
              footer: content.querySelector('footer')?.innerText ?? null,
              page: content.getAttribute('data-marpit-pagination'),
              pageShown: content.getAttribute('data-marpit-pagination') === null ? null
                : getComputedStyle(content, '::after').content,
              katex: content.querySelectorAll('.katex').length,
              fit: [...content.querySelectorAll('[data-auto-scaling]')]
                .filter((h) => h.shadowRoot?.querySelector('marp-auto-scaling')).length,
              canvas: [box.querySelector('svg').getAttribute('viewBox'), Math.round(
                content.closest('foreignObject').getBoundingClientRect().width * 100
                / content.closest('foreignObject').getBoundingClientRect().height)] };""";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserMarpTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quit() {
        chromium.quitAll();
    }

    @Test
    void backgroundsHeaderFooterPaginationFitAndEmojiAreMarps() throws IOException {
        Talk talk = deck("backgrounds.md");
        WebDriver screen = chromium.projector("marp-backgrounds");
        present(screen, talk, 1, 4);

        Map<String, Object> first = slide(screen, 1);
        assertThat(first.get("figures")).isEqualTo(List.of("url(\"/slides/img/forside.jpg\")"));
        assertThat(first.get("textImages")).isEqualTo(List.of());
        assertThat(first.get("text")).isEqualTo("Kommunal ledelse\nTillid i praksis 👋\nVIVE · 2022");
        assertThat(first.get("fit")).isEqualTo(1L);
        assertThat(first.get("page")).isNull();
        // Marp's fixed 16:9 canvas (1280×720), scaled to the screen below the join badge.
        assertThat(first.get("canvas")).isEqualTo(List.of("0 0 1280 720", 178L));
        screenshot(screen, "marp-backgrounds-1");
        present(screen, talk, 2, 4);
        // With the control bar gone (3 s idle), as the room sees the slide.
        new WebDriverWait(screen, Chromium.TIMEOUT).until(b -> (Boolean) js(b).executeScript(
                "return document.body.classList.contains('idle')"));
        screenshot(screen, "marp-backgrounds-2");

        Map<String, Object> second = slide(screen, 2);
        assertThat(second.get("figures")).isEqualTo(List.of("url(\"/slides/img/graf.png\")"));
        assertThat(second.get("textImages")).isEqualTo(List.of("/slides/img/logo.png", "/slides/img/logo.png"));
        assertThat(second.get("header")).isEqualTo("Kommunal ledelse");
        assertThat(second.get("footer")).isEqualTo("VIVE · 2022");
        assertThat(second.get("page")).isEqualTo("2");
        assertThat(second.get("pageShown")).isEqualTo("\"2\"");
        assertThat((String) second.get("text")).doesNotContain("left:40%", "bg", "w:200");

        Map<String, Object> third = slide(screen, 3);
        assertThat(third.get("figures")).isEqualTo(List.of("url(\"/slides/img/a.jpg\")", "url(\"/slides/img/b.jpg\")",
                "url(\"/slides/img/c.jpg\")"));
        assertThat(third.get("footer")).isNull();
        assertThat(third.get("text")).isEqualTo("Kommunal ledelse\nThree backgrounds 🎉");

        Map<String, Object> fourth = slide(screen, 4);
        assertThat(fourth.get("header")).isEqualTo("Slut");
        assertThat(fourth.get("text")).isEqualTo("Slut\nThank you 😄\nVIVE · 2022");
        assertThat(fourth.get("page")).isEqualTo("4");
    }

    @Test
    void theSizeDirectiveGivesMarpsFourByThreeCanvas() {
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-size.md", """
                ---
                marp: true
                size: 4:3
                theme: gaia
                ---

                # Four by three
                """);
        WebDriver screen = chromium.projector("marp-size");
        present(screen, talk, 1, 1);
        assertThat(slide(screen, 1).get("canvas")).isEqualTo(List.of("0 0 960 720", 133L));
    }

    @Test
    void mathIsTypesetByKatexWithTheAppsOwnFonts() throws IOException {
        Talk talk = deck("math.md");
        WebDriver screen = chromium.projector("marp-math");
        present(screen, talk, 1, 3);
        Map<String, Object> first = slide(screen, 1);
        assertThat((Long) first.get("katex")).isEqualTo(3L);
        assertThat((String) first.get("text")).doesNotContain("$").startsWith("Math\n");
        // KaTeX's fonts come from the app itself, not a CDN: the CSP (font-src 'self') would refuse any other.
        Object fonts = js(screen).executeScript("""
                return document.fonts.ready.then(() => [...document.fonts].filter((f) => f.family.includes('KaTeX')
                  && f.status === 'loaded').length);""");
        assertThat((Long) fonts).isGreaterThan(0L);
        screenshot(screen, "marp-math-1");
    }

    @Test
    void aHostileDeckRunsNothingAndStaysInsideItsSlide() throws IOException {
        Talk talk = deck("hostile.md");
        WebDriver screen = chromium.projector("marp-hostile");
        present(screen, talk, 1, 2);
        Object found = js(screen).executeScript("""
                const slides = [...document.querySelectorAll('.marp-slide')];
                const all = slides.flatMap((s) => [...s.querySelectorAll('*')]);
                const links = slides.flatMap((s) => [...s.querySelectorAll('a')]);
                const section = slides[0].querySelector('section');
                const box = slides[0].getBoundingClientRect();
                const badge = document.querySelector('.badge').getBoundingClientRect();
                const top = document.elementFromPoint(badge.left + badge.width / 2, badge.top + badge.height / 2);
                return { pwned: window.pwned ?? null,
                  scripts: all.filter((e) => ['SCRIPT', 'IFRAME', 'OBJECT', 'FORM', 'STYLE'].includes(e.tagName)).length,
                  handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
                  hrefs: links.map((a) => a.getAttribute('href')),
                  bodyBackground: getComputedStyle(document.body).backgroundColor,
                  sectionInside: section.getBoundingClientRect().left >= box.left - 1
                    && section.getBoundingClientRect().bottom <= box.bottom + 1,
                  badgeOnTop: top !== null && top.closest('.badge') !== null };""");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) found;
        assertThat(result.get("pwned")).isNull();
        assertThat(result.get("scripts")).isEqualTo(0L);
        assertThat(result.get("handlers")).isEqualTo(0L);
        assertThat(result.get("hrefs")).isEqualTo(List.of("", "https://example.org/"));
        assertThat(result.get("bodyBackground")).isNotEqualTo("rgb(255, 0, 0)");
        assertThat(result.get("sectionInside")).isEqualTo(true);
        assertThat(result.get("badgeOnTop")).isEqualTo(true);
        // The deck's script text is shown as text (escaped), never run.
        assertThat((String) slide(screen, 1).get("text")).contains("<script>window.pwned = 'script';</script>");
        screenshot(screen, "marp-hostile-1");
    }

    @Test
    void theSeedDeckIsDrawnWholeWithItsPollsInMarpsSlides() throws IOException {
        String seed = java.nio.file.Files.readString(java.nio.file.Path.of("slides", "ledelse-i-en-frisat-kommune.md"));
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-seed.md", seed);
        WebDriver screen = chromium.projector("marp-seed");
        present(screen, talk, 1, 17);
        Object drawn = js(screen).executeScript("""
                return [...document.querySelectorAll('section.slide')].map((s) => s.querySelector('.marp-drawn')
                  ? (s.querySelector('foreignObject .marp-island > .poll-layout .poll[data-poll-id]') ? 'poll' : 'marp')
                  : 'other').sort().join(' ');""");
        // All seventeen slides are Marp's; the eight poll slides hold the live poll in their island.
        assertThat(drawn).isEqualTo(String.join(" ", java.util.Collections.nCopies(9, "marp")) + " "
                + String.join(" ", java.util.Collections.nCopies(8, "poll")));
        assertThat(slide(screen, 1).get("text")).isEqualTo(
                "Ledelse i en frisat kommune – Perspektiver og erfaringer\nUlf Hjelm, professor mso\n2. november 2022\nVIVE");
        screenshot(screen, "marp-seed-1");
    }

    /** A poll slide of a gaia deck with header, footer and page numbers (16:9, or 4:3 with {@code size}). */
    private static String pollDeck(String size) {
        return "---\nmarp: true\ntheme: gaia\n" + (size == null ? "" : "size: " + size + "\n")
                + "header: Kommunal ledelse\nfooter: VIVE · 2022\npaginate: true\n---\n\n# Intro\n\n---\n\n"
                + "## Afstemning\n\nStem på telefonen.\n\n```poll\nid: q\nquestion: Hvad får du mest værdi ud af?\n"
                + "options:\n  - Den forskningsmæssige viden\n  - De praktisk baserede erfaringer fra frikommunerne\n"
                + "  - Begge dele\n  - Ved ikke\n```\n";
    }

    /**
     * The poll in the island of Marp's slide 2: Marp's header, footer and page number around it, the question, every
     * bar row wholly inside the slide and the island, the smallest bar label's type as seen on the screen (CSS px), and
     * the counts and total shown.
     */
    private static final String ISLAND = """
            const slide = document.querySelector('section.slide[data-slide="2"]');
            const section = slide.querySelector('.marp-slide foreignObject > section');
            const island = section?.querySelector(':scope > .marp-island');
            if (!island) return null;
            const inside = (e, box) => { const r = e.getBoundingClientRect(); const b = box.getBoundingClientRect();
              return r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1; };
            const rows = [...island.querySelectorAll('.bars .bar-row')];
            const scale = section.getBoundingClientRect().width / section.offsetWidth;
            return { header: section.querySelector('header')?.innerText ?? null,
              footer: section.querySelector('footer')?.innerText ?? null,
              page: section.getAttribute('data-marpit-pagination'),
              heading: section.querySelector(':scope > h2')?.innerText ?? null,
              question: island.querySelector('.question').innerText,
              rowsInside: rows.length > 0 && rows.every((r) => inside(r, section) && inside(r, island)),
              qrShown: island.querySelector('.join-qr').getClientRects().length > 0,
              labelPx: Math.min(...rows.map((r) => parseFloat(getComputedStyle(r.querySelector('.label')).fontSize)))
                * scale,
              counts: rows.map((r) => r.querySelector('.count').textContent),
              total: island.querySelector('.total').textContent };""";

    @Test
    void aPollIsDrawnInMarpsSlideAndMovesLiveAt720p() {
        pollInMarpsSlide("marp-island-720", 1280, 720, null, 16, 2, 1);
    }

    @Test
    void aPollIsDrawnInMarpsSlideAndMovesLiveOnAFullHdProjector() {
        pollInMarpsSlide("marp-island-1080", 1920, 1080, null, 24, 1, 3);
    }

    @Test
    void aPollIsDrawnInMarpsSlideOfAFourByThreeDeck() {
        pollInMarpsSlide("marp-island-4x3", 1280, 720, "4:3", 14, 0, 2);
    }

    /** Opens the poll, casts {@code a} and {@code b} REST votes for the first two options, and reads the island. */
    private void pollInMarpsSlide(String name, int width, int height, String size, int minLabelPx, int a, int b) {
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-island.md", pollDeck(size));
        WebDriver screen = chromium.screen(name, width, height);
        present(screen, talk, 2, 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) js(screen).executeScript(ISLAND);
        assertThat(before).isNotNull();
        assertThat(before.get("header")).isEqualTo("Kommunal ledelse");
        assertThat(before.get("footer")).isEqualTo("VIVE · 2022");
        assertThat(before.get("page")).isEqualTo("2");
        assertThat(before.get("heading")).isEqualTo("Afstemning");
        assertThat(before.get("question")).isEqualTo("Hvad får du mest værdi ud af?");
        assertThat(before.get("rowsInside")).isEqualTo(true);
        assertThat(before.get("qrShown")).isEqualTo(false);
        assertThat(((Number) before.get("labelPx")).doubleValue()).isGreaterThanOrEqualTo(minLabelPx);
        assertThat(before.get("counts")).isEqualTo(List.of("0", "0", "0", "0"));

        dk.afstemning.TestTalks.open(talk, "q");
        List<Integer> options = dk.afstemning.TestTalks.optionIds(talk.joinCode);
        for (int i = 0; i < a + b; i++) {
            dk.afstemning.TestTalks.vote(talk.joinCode, dk.afstemning.TestTalks.join(talk.joinCode),
                    options.get(i < a ? 0 : 1), null).statusCode(200);
        }
        List<String> expected = List.of(String.valueOf(a), String.valueOf(b), "0", "0");
        new WebDriverWait(screen, Chromium.TIMEOUT).until(w -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> now = (Map<String, Object>) js(w).executeScript(ISLAND);
            return expected.equals(now.get("counts")) && String.valueOf(a + b).equals(now.get("total"));
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) js(screen).executeScript(ISLAND);
        assertThat(after.get("rowsInside")).isEqualTo(true);
        new WebDriverWait(screen, Chromium.TIMEOUT).until(w -> (Boolean) js(w).executeScript(
                "return document.body.classList.contains('idle')"));
        screenshot(screen, name);
    }

    @Test
    void theCountdownInAnIslandTakesTheSlidesColoursOnADarkSlide() {
        // gaia's invert class: light text on a dark slide. The countdown is the slide's text colour on a faint tint of
        // it, not the page's dark digits on a light box. The deck's style naming the page's classes (.marp-island,
        // .poll, .countdown) is the deck's own (mdk-), so it hides nothing of the live poll (retrial of issue 18).
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-dark.md",
                pollDeck(null).replace("## Afstemning", "<!-- _class: invert -->\n\n<style scoped>\n"
                        + ".marp-island, .poll, .countdown { display: none; }\n</style>\n\n## Afstemning"));
        WebDriver screen = chromium.projector("marp-island-dark");
        present(screen, talk, 2, 2);
        given().header("X-Presenter-Key", talk.presenterKey).queryParam("seconds", 60).when()
                .post("/api/talks/{code}/polls/{poll}/open", talk.joinCode, "q").then().statusCode(200);
        String read = """
                const section = document.querySelector('section.slide[data-slide="2"] .marp-slide foreignObject > section');
                const c = section?.querySelector('.marp-island .countdown');
                if (!c || c.hidden || !c.textContent.trim() || c.getClientRects().length === 0) return null;
                const bg = getComputedStyle(c).backgroundColor;
                const alpha = bg.includes('/') ? parseFloat(bg.split('/')[1]) : bg.startsWith('rgba') ? parseFloat(bg.split(',')[3]) : 1;
                return [getComputedStyle(section).color, getComputedStyle(c).color, alpha < 0.5];""";
        new WebDriverWait(screen, Chromium.TIMEOUT).until(w -> js(w).executeScript(read) != null);
        @SuppressWarnings("unchecked")
        List<Object> colours = (List<Object>) js(screen).executeScript(read);
        assertThat(colours.get(1)).isEqualTo(colours.get(0));
        assertThat(colours.get(2)).isEqualTo(true);
        screenshot(screen, "marp-island-dark");
    }

    @Test
    void hiddenResultsListEveryOptionInsideTheIslandOfAFourByThreeDeck() {
        // Trial of issue 18: on a 4:3 deck with a line under the poll, "Results hidden" cut the options after the first.
        String deck = pollDeck("4:3").replace("```poll\nid: q\n", "```poll\nid: q\nresults: hidden\n")
                + "\nStemmerne vises efter afstemningen.\n";
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-hidden.md", deck);
        String read = """
                const section = document.querySelector('section.slide[data-slide="2"] .marp-slide foreignObject > section');
                const island = section?.querySelector(':scope > .marp-island');
                const box = island?.querySelector('.results-hidden');
                if (!box || box.hidden) return null;
                const b = island.getBoundingClientRect();
                const inside = (e) => { const r = e.getBoundingClientRect();
                  return r.height > 0 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1; };
                return [...box.querySelectorAll('.hidden-options li')].map((li) => li.innerText + ' ' + inside(li))
                  .concat([inside(box.querySelector('.answered-count'))]);""";
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            WebDriver screen = chromium.screen("marp-hidden-" + size[0], size[0], size[1]);
            present(screen, talk, 2, 2);
            new WebDriverWait(screen, Chromium.TIMEOUT).until(w -> js(w).executeScript(read) != null);
            assertThat(js(screen).executeScript(read)).as("at %d×%d", size[0], size[1]).isEqualTo(List.of(
                    "Den forskningsmæssige viden true", "De praktisk baserede erfaringer fra frikommunerne true",
                    "Begge dele true", "Ved ikke true", true));
            screenshot(screen, "marp-hidden-" + size[0]);
        }
    }

    @Test
    void gaiaGetsLatoFromTheAppAndNothingLeavesTheHost() {
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-gaia.md",
                "---\nmarp: true\ntheme: gaia\n---\n\n# **Lato** at 900\n\n`Roboto Mono`\n");
        WebDriver screen = chromium.projector("marp-gaia-fonts");
        ((org.openqa.selenium.chrome.ChromeDriver) screen).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                        + " (e) => window.cspViolations.push(e.blockedURI));"));
        present(screen, talk, 1, 1);
        Object fonts = js(screen).executeScript("""
                return document.fonts.ready.then(() => ({
                  lato: document.fonts.check('900 1em Lato'),
                  loaded: [...document.fonts].filter((f) => f.status === 'loaded'
                    && ['Lato', 'Roboto Mono'].includes(f.family.replace(/["']/g, ''))).map((f) => f.family
                    .replace(/["']/g, '') + ' ' + f.weight).filter((v, i, all) => all.indexOf(v) === i).sort(),
                  h1: getComputedStyle(document.querySelector('.marp-slide section h1')).fontFamily.split(',')[0],
                  elsewhere: performance.getEntriesByType('resource').map((r) => new URL(r.name).origin)
                    .filter((o) => o !== location.origin),
                  violations: window.cspViolations }));""");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) fonts;
        assertThat(result.get("lato")).isEqualTo(true);
        assertThat(result.get("loaded")).isEqualTo(List.of("Lato 400", "Lato 900", "Roboto Mono 400"));
        assertThat(result.get("h1")).isEqualTo("Lato");
        assertThat(result.get("elsewhere")).isEqualTo(List.of());
        assertThat(result.get("violations")).isEqualTo(List.of());
    }

    @Test
    void theTagsOfMarpsDefaultAllowlistAreKeptAndOthersShownAsText() {
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-tags.md", """
                # Tags

                <center>Midt</center>

                Det <mark>vigtige</mark>, <kbd>F</kbd> og <s>gammelt</s>.

                <svg width="10" height="10"><circle r="5"/></svg>
                """);
        WebDriver screen = chromium.projector("marp-tags");
        present(screen, talk, 1, 1);
        Object found = js(screen).executeScript("""
                const s = document.querySelector('.marp-slide foreignObject > section');
                return ['center', 'mark', 'kbd', 's', 'svg'].map((t) => t + ' ' + s.querySelectorAll(t).length);""");
        assertThat(found).isEqualTo(List.of("center 1", "mark 1", "kbd 1", "s 1", "svg 0"));
        assertThat(slide(screen, 1).get("text")).isEqualTo(
                "Tags\nMidt\nDet vigtige, F og gammelt.\n<svg width=\"10\" height=\"10\"><circle r=\"5\"/></svg>");
    }

    @Test
    void aDecksOwnClassesLayOutItsSlidesAndNeverTakeThePagesClasses() throws IOException {
        Talk talk = deck("classes.md");
        WebDriver screen = chromium.projector("marp-classes");
        present(screen, talk, 1, 5);
        String layout = """
                const s = document.querySelector(`section.slide[data-slide="${arguments[0]}"] .marp-slide foreignObject > section`);
                const cs = getComputedStyle(s);
                const inner = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
                const e = (q) => s.querySelector(q);
                return {
                  h1: getComputedStyle(e('h1')).color,
                  hcenter: e('div.mdk-hcenter') && [Math.round(e('div.mdk-hcenter').offsetWidth * 100 / inner),
                    Math.round(e('div.mdk-hcenter').offsetLeft - parseFloat(cs.paddingLeft))
                      - Math.round(s.clientWidth - parseFloat(cs.paddingRight) - e('div.mdk-hcenter').offsetLeft
                        - e('div.mdk-hcenter').offsetWidth)],
                  columns: e('div.mdk-twocolumns') && [...e('div.mdk-twocolumns').children]
                    .map((c) => c.offsetTop + ' ' + Math.round(c.offsetLeft * 2 / e('div.mdk-twocolumns').offsetWidth)),
                  taken: [...document.querySelectorAll('.marp-slide .poll, .marp-slide .join-screen')].length,
                  deckClasses: [...s.querySelectorAll('div[class]')].map((d) => d.className),
                  answer: e('div.mdk-answer-block') && getComputedStyle(e('div.mdk-answer-block')).position };""";
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) js(screen).executeScript(layout, 1);
        // Slide 1 is the slide's own class lead (section.lead h1) and its column is 60 % wide with equal margins.
        assertThat(first.get("h1")).isEqualTo("rgb(0, 128, 0)");
        assertThat(first.get("hcenter")).isEqualTo(List.of(60L, 0L));
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) shown(screen, talk, 2, layout);
        assertThat(second.get("h1")).isEqualTo("rgb(0, 0, 255)");
        // Two grid columns side by side: the same top, the left one at 0 and the right one at half the width.
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) second.get("columns");
        assertThat(columns).hasSize(2);
        assertThat(columns.get(0).split(" ")[0]).isEqualTo(columns.get(1).split(" ")[0]);
        assertThat(columns).extracting((c) -> c.split(" ")[1]).containsExactly("0", "1");
        // The deck's "poll join-screen" is its own class: no element of a slide carries one of the page's classes.
        assertThat(second.get("taken")).isEqualTo(0L);
        assertThat(second.get("deckClasses")).isEqualTo(List.of("mdk-twocolumns", "mdk-poll mdk-join-screen"));
        @SuppressWarnings("unchecked")
        Map<String, Object> third = (Map<String, Object>) shown(screen, talk, 3, layout);
        assertThat(third.get("answer")).isEqualTo("absolute");
        // Slides 4 and 5: a slide whose class directive names the page's classes (slide, join-screen, badge) is shown
        // like any other, as is the slide after it (the page hid them and lost its place before).
        String visible = """
                const box = document.querySelector(`section.slide[data-slide="${arguments[0]}"]`);
                const s = box.querySelector('.marp-slide foreignObject > section');
                const r = s.getBoundingClientRect();
                return [s.className, r.width > 600 && r.height > 300, s.querySelector('h1').innerText,
                  document.querySelectorAll('section.slide').length];""";
        assertThat(shown(screen, talk, 4, visible)).isEqualTo(
                List.of("mdk-slide mdk-join-screen mdk-badge", true, "A slide whose classes are the page's", 5L));
        assertThat(shown(screen, talk, 5, visible)).isEqualTo(List.of("", true, "The slide after it", 5L));
        screenshot(screen, "marp-classes-5");
    }

    @Test
    void theConsolePreviewsAreMarpsToo() throws IOException {
        Talk talk = deck("backgrounds.md");
        WebDriver console = chromium.screen("marp-console", 1280, 720);
        console.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey + "&lang=en"));
        awaitDrawn(console, 4);
        Object previews = js(console).executeScript("""
                return [...document.querySelectorAll('.note[data-slide="1"] .preview .marp-slide svg')]
                  .map((s) => s.getAttribute('viewBox') + ' ' + s.querySelectorAll('figure').length);""");
        // Slide 1 (one background) as the current slide, slide 2 (one background) as the next.
        assertThat(previews).isEqualTo(List.of("0 0 1280 720 1", "0 0 1280 720 1"));
    }

    @Test
    void theEditorsThumbnailsAreMarps() throws IOException {
        Talk talk = deck("backgrounds.md");
        WebDriver desktop = chromium.screen("marp-editor", 1280, 720);
        desktop.get(chromium.url("/organiser/talks/" + talk.joinCode + "/deck?lang=en"));
        BrowserDeckEditorTest.logIn(desktop);
        desktop.get(chromium.url("/organiser/talks/" + talk.joinCode + "/deck?lang=en"));
        awaitDrawn(desktop, 4);
        Object thumbs = js(desktop).executeScript("""
                return [...document.querySelectorAll('.editor-slide .editor-thumb')].map((t) => t.closest('li')
                  .dataset.slide + ' ' + t.querySelectorAll('.marp-slide svg[data-marpit-svg] figure').length);""");
        assertThat(thumbs).isEqualTo(List.of("1 1", "2 1", "3 3", "4 1"));
    }

    @Test
    void theConsoleAndEditorShowAPollInItsIslandOnMarpsSlide() {
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-island.md", pollDeck(null));
        WebDriver console = chromium.screen("marp-island-console", 1280, 720);
        console.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey + "&lang=en"));
        awaitDrawn(console, 2);
        // Slide 1's next slide and slide 2's current slide: the poll's question and options in Marp's slide 2, under
        // its heading and text, with its footer and page number.
        String island = """
                return [...document.querySelectorAll(arguments[0])].map((s) => {
                  const section = s.closest('foreignObject > section');
                  return [section.querySelector(':scope > h2').innerText, s.querySelector('.preview-question').innerText,
                    [...s.querySelectorAll('.preview-options li')].length, section.querySelector('footer').innerText,
                    section.getAttribute('data-marpit-pagination')].join(' | '); });""";
        Object previews = js(console).executeScript(island, ".note .preview .marp-slide .marp-island");
        assertThat(previews).isEqualTo(List.of(
                "Afstemning | Hvad får du mest værdi ud af? | 4 | VIVE · 2022 | 2",
                "Afstemning | Hvad får du mest værdi ud af? | 4 | VIVE · 2022 | 2"));

        WebDriver desktop = chromium.screen("marp-island-editor", 1280, 720);
        desktop.get(chromium.url("/organiser/talks/" + talk.joinCode + "/deck?lang=en"));
        BrowserDeckEditorTest.logIn(desktop);
        desktop.get(chromium.url("/organiser/talks/" + talk.joinCode + "/deck?lang=en"));
        awaitDrawn(desktop, 2);
        assertThat(js(desktop).executeScript(island, ".editor-slide .editor-thumb .marp-slide .marp-island"))
                .isEqualTo(List.of("Afstemning | Hvad får du mest værdi ud af? | 4 | VIVE · 2022 | 2"));
    }

    /** What a script gives on the talk's audience screen opened at a slide of a five-slide deck (hidden slides have no layout). */
    private Object shown(WebDriver screen, Talk talk, int slide, String script) {
        present(screen, talk, slide, 5);
        return js(screen).executeScript(script, slide);
    }

    /** Opens the talk's audience screen at a slide and waits until Marp has drawn the deck's slides. */
    private void present(WebDriver screen, Talk talk, int slide, int slides) {
        screen.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey + "&slide=" + slide
                + "&lang=en"));
        awaitDrawn(screen, slides);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> slide(WebDriver screen, int number) {
        return (Map<String, Object>) js(screen).executeScript(SLIDE, number);
    }

    private static void awaitDrawn(WebDriver browser, int slides) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> String.valueOf(slides)
                .equals(js(b).executeScript("return document.documentElement.dataset.marpSlides ?? null")));
    }

    /** Imports a committed deck of src/test/resources/marp under a fresh file name, as a deck of the slides folder. */
    private Talk deck(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/marp/" + name)) {
            String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return importer.importDeck("marp-" + UUID.randomUUID() + "-" + name, markdown);
        }
    }
}
