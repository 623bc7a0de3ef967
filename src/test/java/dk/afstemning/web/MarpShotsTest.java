package dk.afstemning.web;

import static dk.afstemning.web.Chromium.js;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckException;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Side-by-side evidence for issue 18, run on demand: every deck of the collected corpus ({@code /work/marp-decks}, or
 * {@code -Dmarp.decks=<folder>}; see README "Marp fidelity") is imported, and each of its slides is shot on the app's
 * audience screen at 1280×720 and in marp-core's own HTML of the same deck ({@code src/test/resources/marp/marp-html.js},
 * run with Node and the build's {@code target/marp/node_modules}). Both slide canvases are cut out, scaled to 640 px
 * wide and compared pixel by pixel: the mean absolute difference of the RGB channels and the share of pixels where
 * a channel differs by more than 10 % (of 255). Composites (app left, Marp right) go to
 * {@code <marp.shots>/<deck>/slide-NN.png}, the figures to {@code <marp.shots>/summary.tsv}, one table line per deck
 * to standard output. Skipped unless {@code -Dmarp.shots=<folder>} is given and the corpus folder is there:
 * {@code ./mvnw -B -q test -Dtest=MarpShotsTest -Dmarp.shots=/work/marp-shots}.
 */
@QuarkusTest
class MarpShotsTest {

    private static final Path DECKS = Path.of(System.getProperty("marp.decks", "/work/marp-decks"));
    private static final String SHOTS = System.getProperty("marp.shots");
    private static final Path NODE_MODULES = Path.of("target", "marp", "node_modules").toAbsolutePath();
    private static final int WIDTH = 640;
    private static final int GAP = 16;

    /** The canvas of the shown slide's Marp <svg> in CSS px (its viewBox scaled to fit, centred), and the viewBox. */
    private static final String CANVAS = """
            const svg = arguments[0] === null
              ? [...document.querySelectorAll('div.marpit > svg')].find((s) => s.style.display !== 'none')
              : document.querySelector(`section.slide[data-slide="${arguments[0]}"] .marp-slide > svg`);
            if (!svg) return null;
            const r = svg.getBoundingClientRect();
            const [, , vw, vh] = svg.getAttribute('viewBox').split(' ').map(Number);
            const s = Math.min(r.width / vw, r.height / vh);
            return [r.left + (r.width - vw * s) / 2, r.top + (r.height - vh * s) / 2, vw * s, vh * s, vw, vh];""";

    /** Shows slide n (app: arguments[1] true) and calls back once fonts and images have settled. */
    private static final String SHOW = """
            const [n, app, done] = arguments;
            if (app) document.querySelectorAll('section.slide').forEach((s) => { s.hidden = s.dataset.slide !== String(n); });
            else document.querySelectorAll('div.marpit > svg').forEach((s, i) => { s.style.display = i + 1 === n ? '' : 'none'; });
            const images = [...document.images].filter((i) => !i.complete);
            Promise.all([document.fonts.ready, ...images.map((i) => new Promise((r) => { i.onload = i.onerror = r; }))])
              .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));""";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @AfterEach
    void quit() {
        if (chromium != null) {
            chromium.quitAll();
        }
    }

    @Test
    void everyCollectedDeckBesideMarpCoresOwnHtml() throws Exception {
        assumeTrue(SHOTS != null, "no -Dmarp.shots=<folder>: side-by-side shots not asked for");
        assumeTrue(Files.isRegularFile(DECKS.resolve("SOURCES.tsv")), "no Marp deck corpus at " + DECKS);
        assumeTrue(Files.isDirectory(NODE_MODULES), "no " + NODE_MODULES + " (built by src/main/marp/build.mjs)");
        chromium = new Chromium("MarpShotsTest", baseUrl);
        chromium.require();
        Path out = Path.of(SHOTS);
        Files.createDirectories(out);
        WebDriver app = chromium.screen("marp-shots-app", 1280, 720);
        ChromeDriver marp = (ChromeDriver) chromium.browser("marp-shots-marp",
                o -> o.addArguments("--window-size=1280,720", "--allow-file-access-from-files"));
        marp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
        List<String> summary = new ArrayList<>(List.of("deck\tslide\tmean_abs_diff_pct\tshare_over_10pct"));
        List<String> table = new ArrayList<>();
        List<Path> decks;
        try (Stream<Path> files = Files.list(DECKS)) {
            decks = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : decks) {
            String name = file.getFileName().toString().replaceFirst("\\.md$", "");
            Path folder = out.resolve(name);
            Files.createDirectories(folder);
            Talk talk;
            try {
                talk = importer.importDeck("shots-" + UUID.randomUUID() + "-" + file.getFileName(),
                        Files.readString(file, StandardCharsets.UTF_8));
            } catch (DeckException e) {
                table.add(name + " | refused: " + e.getMessage());
                continue;
            }
            Path html = folder.resolve("marp.html");
            node(file, html);
            // A talk begins on the join screen; the slides are wanted here.
            dk.afstemning.TestTalks.presenter(talk, "PUT", "/show/overlay", "{\"overlay\":\"none\"}");
            app.get(chromium.url("/present/" + talk.joinCode + "?lang=en"));
            int slides = ((Number) js(app).executeScript("return document.querySelectorAll('section.slide').length"))
                    .intValue();
            new WebDriverWait(app, Chromium.TIMEOUT).until(b -> String.valueOf(slides)
                    .equals(js(b).executeScript("return document.documentElement.dataset.marpSlides ?? null")));
            new WebDriverWait(app, Chromium.TIMEOUT).until(b -> (Boolean) js(b).executeScript(
                    "return document.body.classList.contains('idle')"));
            marp.get(html.toUri().toString());
            double sum = 0;
            double worst = -1;
            int worstSlide = 0;
            for (int n = 1; n <= slides; n++) {
                BufferedImage left = shot(app, n, true);
                BufferedImage right = shot(marp, n, false);
                double[] diff = difference(left, right);
                ImageIO.write(composite(left, right), "png", folder.resolve(String.format("slide-%02d.png", n)).toFile());
                summary.add(String.format(Locale.ROOT, "%s\t%d\t%.2f\t%.2f", name, n, diff[0], diff[1]));
                sum += diff[0];
                if (diff[0] > worst) {
                    worst = diff[0];
                    worstSlide = n;
                }
            }
            table.add(String.format(Locale.ROOT, "%s | %d slides | mean %.2f %% | worst slide %d: %.2f %%", name, slides,
                    sum / slides, worstSlide, worst));
        }
        Files.write(out.resolve("summary.tsv"), summary);
        table.forEach(System.out::println);
        assertThat(table).hasSize(decks.size());
    }

    /** marp-core's own HTML of the deck (src/test/resources/marp/marp-html.js). */
    private static void node(Path deck, Path html) throws IOException, InterruptedException {
        Path script = Path.of("src", "test", "resources", "marp", "marp-html.js").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), deck.toString(), html.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NODE_PATH", NODE_MODULES.toString());
        Process process = pb.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("marp-html.js failed on " + deck);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    /** Slide n's canvas cut out of a screenshot and scaled to WIDTH px wide. */
    private static BufferedImage shot(WebDriver browser, int n, boolean app) throws IOException {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(SHOW, n, app);
        @SuppressWarnings("unchecked")
        List<Number> canvas = (List<Number>) js(browser).executeScript(CANVAS, app ? n : null);
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
        int height = (int) Math.round(WIDTH * canvas.get(5).doubleValue() / canvas.get(4).doubleValue());
        int x = (int) Math.round(canvas.get(0).doubleValue());
        int y = (int) Math.round(canvas.get(1).doubleValue());
        int w = Math.min((int) Math.round(canvas.get(2).doubleValue()), page.getWidth() - x);
        int h = Math.min((int) Math.round(canvas.get(3).doubleValue()), page.getHeight() - y);
        BufferedImage scaled = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page.getSubimage(x, y, w, h), 0, 0, WIDTH, height, null);
        g.dispose();
        return scaled;
    }

    /** Mean absolute RGB difference (% of 255) and the share of pixels (%) with a channel more than 10 % apart. */
    static double[] difference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long total = 0;
        long over = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int dr = Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff));
                int dg = Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff));
                int db = Math.abs((p & 0xff) - (q & 0xff));
                total += dr + dg + db;
                if (Math.max(dr, Math.max(dg, db)) > 25.5) {
                    over++;
                }
            }
        }
        double pixels = (double) w * h;
        return new double[] {100.0 * total / (pixels * 3 * 255), 100.0 * over / pixels};
    }

    private static BufferedImage composite(BufferedImage left, BufferedImage right) {
        BufferedImage both = new BufferedImage(left.getWidth() + GAP + right.getWidth(),
                Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(new Color(0x80, 0x80, 0x80));
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth() + GAP, 0, null);
        g.dispose();
        return both;
    }
}
