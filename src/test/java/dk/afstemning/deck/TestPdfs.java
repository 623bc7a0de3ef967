package dk.afstemning.deck;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** PDFs that the tests make themselves with PDFBox: slides of text, a page with an image, and broken ones. */
public final class TestPdfs {

    /** A 16:9 slide, 960 × 540 points. */
    public static final PDRectangle SLIDE = new PDRectangle(960, 540);

    private TestPdfs() {
    }

    /** The title of page {@code n} of {@link #deck}. */
    public static String title(int n) {
        return n == 1 ? "Ledelse i en frisat kommune" : "Slide " + n;
    }

    /** The second line of page {@code n} of {@link #deck}. */
    public static String body(int n) {
        return n == 1 ? "Perspektiver og erfaringer – forskningsmæssig viden" : "Point for slide " + n;
    }

    /**
     * A deck of {@code pages} 16:9 pages, each with its title and one line of text; page 2 also holds a red square
     * image of 100 × 100 points in its lower left corner.
     */
    public static byte[] deck(int pages) {
        try (PDDocument doc = new PDDocument()) {
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(SLIDE);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    line(content, Standard14Fonts.FontName.HELVETICA_BOLD, 40, 60, 450, title(n));
                    line(content, Standard14Fonts.FontName.HELVETICA, 24, 60, 300, body(n));
                    if (n == 2) {
                        content.drawImage(redSquare(doc, 20), 0, 0, 100, 100);
                    }
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of the given size and rotation, with one line of text. */
    public static byte[] page(PDRectangle size, int rotation, String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(size);
            page.setRotation(rotation);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                line(content, Standard14Fonts.FontName.HELVETICA, 24, 40, 40, text);
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF holding an image of {@code side} × {@code side} pixels. */
    public static byte[] withImage(int side) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(SLIDE);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(redSquare(doc, side), 0, 0, 100, 100);
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with no page. */
    public static byte[] empty() {
        try (PDDocument doc = new PDDocument()) {
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deck of 3 pages protected with AES-128; the user password is needed to open it unless it is empty. */
    public static byte[] encrypted(String userPassword) {
        try (PDDocument doc = new PDDocument()) {
            for (int n = 1; n <= 3; n++) {
                PDPage page = new PDPage(SLIDE);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    line(content, Standard14Fonts.FontName.HELVETICA_BOLD, 40, 60, 450, title(n));
                }
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that start like a PDF and are none. */
    public static byte[] broken() {
        return "%PDF-1.7\nthis is no PDF, only its first line is\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Writes the bytes to a temporary file, deleted when the JVM ends. */
    public static Path file(byte[] bytes) {
        try {
            Path file = Files.createTempFile("test-deck", ".pdf");
            file.toFile().deleteOnExit();
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream content, Standard14Fonts.FontName font, float size, float x, float y,
            String text) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(font), size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static PDImageXObject redSquare(PDDocument doc, int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, side, side);
        g.dispose();
        return LosslessFactory.createFromImage(doc, image);
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
