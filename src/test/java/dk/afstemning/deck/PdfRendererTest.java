package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.afstemning.deck.PdfRenderer.RenderedPage;
import dk.afstemning.deck.PdfRenderer.RenderedPdf;
import dk.afstemning.problem.ApiProblem;

/** Rendering PDF pages and reading their text, with the limits, on PDFs the tests make with PDFBox. */
class PdfRendererTest {

    private static final PdfRenderer.Limits LIMITS = new PdfRenderer.Limits(25 << 20, 200, 100_000_000,
            Duration.ofSeconds(30), Duration.ofSeconds(120), 1, 2);

    private PdfRenderer renderer;

    private RenderedPdf render(PdfRenderer.Limits limits, String name, byte[] pdf) {
        renderer = new PdfRenderer(limits);
        return renderer.render(name, TestPdfs.file(pdf));
    }

    @AfterEach
    void stop() {
        if (renderer != null) {
            renderer.stop();
        }
    }

    private static BufferedImage decode(PdfRenderer.PdfImage image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image.bytes()));
    }

    @Test
    void everyPageOfAThirtyPageDeckBecomesAnImageAThumbnailAndItsText() throws IOException {
        RenderedPdf pdf = render(LIMITS, "deck.pdf", TestPdfs.deck(30));

        assertThat(pdf.pages()).hasSize(30);
        assertThat(pdf.pages()).extracting(RenderedPage::number).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).boxed().toList());
        for (RenderedPage page : pdf.pages()) {
            int n = page.number();
            assertThat(page.text()).isEqualTo(TestPdfs.title(n) + "\n" + TestPdfs.body(n));
            assertThat(page.image().type()).isEqualTo("image/png");
            assertThat(page.image().width()).isEqualTo(1920);
            assertThat(page.image().height()).isEqualTo(1080);
            assertThat(page.thumb().width()).isEqualTo(320);
            assertThat(page.thumb().height()).isEqualTo(180);
            assertThat(page.image().hash()).isEqualTo(PdfRenderer.sha256(page.image().bytes())).hasSize(64);
        }
        BufferedImage second = decode(pdf.pages().get(1).image());
        assertThat(second.getWidth()).isEqualTo(1920);
        assertThat(second.getHeight()).isEqualTo(1080);
        // The red square of 100 × 100 points in the lower left corner, at 2 pixels per point.
        int red = second.getRGB(100, 980) & 0xFFFFFF;
        assertThat(red >> 16).isGreaterThan(200);
        assertThat((red >> 8) & 0xFF).isLessThan(60);
        int white = second.getRGB(1800, 100) & 0xFFFFFF;
        assertThat(white).isEqualTo(0xFFFFFF);
        BufferedImage thumb = decode(pdf.pages().get(1).thumb());
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(180);
    }

    @Test
    void aPageIsFittedInto1920By1080KeepingItsAspectAndRotation() {
        assertThat(render(LIMITS, "square.pdf", TestPdfs.page(new PDRectangle(500, 500), 0, "Square")).pages()
                .get(0).image()).extracting(PdfRenderer.PdfImage::width, PdfRenderer.PdfImage::height)
                .containsExactly(1080, 1080);
        renderer.stop();
        // A portrait page turned by 90° is shown in landscape.
        RenderedPage turned = render(LIMITS, "turned.pdf", TestPdfs.page(new PDRectangle(540, 960), 90, "Turned"))
                .pages().get(0);
        assertThat(turned.image().width()).isEqualTo(1920);
        assertThat(turned.image().height()).isEqualTo(1080);
        assertThat(turned.text()).isEqualTo("Turned");
    }

    @Test
    void aPdfIsKnownByItsContentNotItsName() {
        assertThat(PdfRenderer.isPdf(TestPdfs.deck(1))).isTrue();
        assertThat(PdfRenderer.isPdf("%PDF-".getBytes())).isTrue();
        assertThat(PdfRenderer.isPdf("# %PDF-1.7".getBytes())).isFalse();
        assertThat(PdfRenderer.isPdf("%PDF".getBytes())).isFalse();
        assertThat(PdfRenderer.isPdf(new byte[0])).isFalse();
    }

    @Test
    void aBrokenPdfIsRefused() {
        assertThatThrownBy(() -> render(LIMITS, "broken.pdf", TestPdfs.broken())).isInstanceOfSatisfying(
                ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("pdf-unreadable");
                    assertThat(p.detail()).startsWith("broken.pdf cannot be read as a PDF: ");
                });
    }

    @Test
    void aPdfThatNeedsAPasswordIsRefusedOneWithOnlyAnOwnerPasswordIsRead() {
        assertThatThrownBy(() -> render(LIMITS, "secret.pdf", TestPdfs.encrypted("user-secret")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("pdf-encrypted");
                    assertThat(p.detail()).isEqualTo(
                            "secret.pdf needs a password to open; save it without the password and upload it again");
                });
        renderer.stop();
        assertThat(render(LIMITS, "owner.pdf", TestPdfs.encrypted("")).pages()).extracting(RenderedPage::text)
                .containsExactly("Ledelse i en frisat kommune", "Slide 2", "Slide 3");
    }

    @Test
    void aPdfWithoutPagesIsRefused() {
        assertThatThrownBy(() -> render(LIMITS, "empty.pdf", TestPdfs.empty())).isInstanceOfSatisfying(
                ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("pdf-empty");
                    assertThat(p.detail()).isEqualTo("empty.pdf has no pages");
                });
    }

    @Test
    void theLimitsArePagesBytesImagePixelsAndTimePerPage() {
        PdfRenderer.Limits threePages = new PdfRenderer.Limits(25 << 20, 3, 100_000_000, Duration.ofSeconds(30),
                Duration.ofSeconds(120), 1, 2);
        assertThatThrownBy(() -> render(threePages, "long.pdf", TestPdfs.deck(4))).isInstanceOfSatisfying(
                ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.type()).isEqualTo("pdf-too-many-pages");
                    assertThat(p.detail()).isEqualTo("long.pdf has 4 pages; a deck may have at most 3");
                });
        renderer.stop();

        byte[] deck = TestPdfs.deck(1);
        PdfRenderer.Limits small = new PdfRenderer.Limits(deck.length - 1, 200, 100_000_000, Duration.ofSeconds(30),
                Duration.ofSeconds(120), 1, 2);
        assertThatThrownBy(() -> render(small, "big.pdf", deck)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(413);
            assertThat(p.type()).isEqualTo("pdf-too-large");
        });
        renderer.stop();

        PdfRenderer.Limits fewPixels = new PdfRenderer.Limits(25 << 20, 200, 399, Duration.ofSeconds(30),
                Duration.ofSeconds(120), 1, 2);
        assertThatThrownBy(() -> render(fewPixels, "photo.pdf", TestPdfs.withImage(20))).isInstanceOfSatisfying(
                ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.type()).isEqualTo("pdf-image-too-large");
                    assertThat(p.detail()).isEqualTo("Page 1 of photo.pdf holds an image of 400 pixels; at most 399");
                });
        renderer.stop();

        PdfRenderer.Limits noTime = new PdfRenderer.Limits(25 << 20, 200, 100_000_000, Duration.ZERO,
                Duration.ofSeconds(120), 1, 2);
        assertThatThrownBy(() -> render(noTime, "slow.pdf", TestPdfs.deck(2))).isInstanceOfSatisfying(
                ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.type()).isEqualTo("pdf-too-slow");
                    assertThat(p.detail()).isEqualTo("Page 1 of slow.pdf took longer than 0 ms to render");
                });
    }

    @Test
    void pageTextKeepsLinesDropsControlCharactersAndGivesTheTitle() {
        assertThat(PageText.clean("\r\n  Title \u0007\r\n \t\nline\ttwo  \n\n", 100)).isEqualTo("Title\nline\ttwo");
        assertThat(PageText.title("\n   \n  A   spaced\ttitle \nbody")).isEqualTo("A spaced title");
        assertThat(PageText.title(" \n ")).isNull();
        assertThat(PageText.cut("ab😀", 3)).isEqualTo("ab");
    }
}
