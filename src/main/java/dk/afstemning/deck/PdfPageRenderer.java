package dk.afstemning.deck;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDFBox's renderer and text reader with the limits of {@link PdfRenderer}: before every content operator the page's
 * time limit is checked, and an image larger than the pixel cap is refused before it is decoded. One instance per
 * document and thread, like the {@link PDDocument} it reads.
 */
final class PdfPageRenderer extends PDFRenderer {

    /**
     * Ends the work on a page: its time is up, the upload was given up, or (when {@code imagePixels} > 0) it holds an
     * image over the pixel cap. Unchecked, so that PDFBox, which handles some {@link IOException}s of operators
     * itself, lets it through.
     */
    static final class Stop extends RuntimeException {
        private final long imagePixels;

        Stop(long imagePixels) {
            super(imagePixels > 0 ? "image too large" : "time limit", null, false, false);
            this.imagePixels = imagePixels;
        }

        long imagePixels() {
            return imagePixels;
        }
    }

    private final PdfRenderer.Deadline deadline;
    private final long maxImagePixels;

    PdfPageRenderer(PDDocument document, PdfRenderer.Deadline deadline, long maxImagePixels) {
        super(document);
        this.deadline = deadline;
        this.maxImagePixels = maxImagePixels;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                deadline.check();
                super.processOperator(operator, operands);
            }

            @Override
            public void drawImage(PDImage image) throws IOException {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > maxImagePixels) {
                    throw new Stop(pixels);
                }
                super.drawImage(image);
            }
        };
    }

    /** PDFBox's text reader with the page's time limit. */
    static final class TextReader extends PDFTextStripper {
        private final PdfRenderer.Deadline deadline;

        TextReader(PdfRenderer.Deadline deadline) throws IOException {
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            deadline.check();
            super.processOperator(operator, operands);
        }
    }
}
