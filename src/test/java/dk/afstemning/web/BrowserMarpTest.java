package dk.afstemning.web;

import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
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
    void theSeedDeckIsDrawnWholeAndItsPollSlidesStayLive() throws IOException {
        String seed = java.nio.file.Files.readString(java.nio.file.Path.of("slides", "ledelse-i-en-frisat-kommune.md"));
        Talk talk = importer.importDeck("marp-" + UUID.randomUUID() + "-seed.md", seed);
        WebDriver screen = chromium.projector("marp-seed");
        present(screen, talk, 1, 17);
        Object drawn = js(screen).executeScript("""
                return [...document.querySelectorAll('section.slide')].map((s) => s.querySelector('.marp-drawn')
                  ? 'marp' : s.classList.contains('poll-slide') && s.querySelector('.marp-slide') === null ? 'poll' : 'other')
                  .sort().join(' ');""");
        // Eight poll slides keep the live poll; the nine others are Marp's.
        assertThat(drawn).isEqualTo(String.join(" ", java.util.Collections.nCopies(9, "marp")) + " "
                + String.join(" ", java.util.Collections.nCopies(8, "poll")));
        assertThat(slide(screen, 1).get("text")).isEqualTo(
                "Ledelse i en frisat kommune – Perspektiver og erfaringer\nUlf Hjelm, professor mso\n2. november 2022\nVIVE");
        screenshot(screen, "marp-seed-1");
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
