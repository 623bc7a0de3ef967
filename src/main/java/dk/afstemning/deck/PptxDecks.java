package dk.afstemning.deck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.afstemning.problem.ApiProblem;

/**
 * PowerPoint decks: the titles and speaker notes of a {@code .pptx} (read with POI) on the pages of its PDF, made by
 * LibreOffice ({@link PptxConverter}) or sent with it. Hidden slides have no page, as PowerPoint and LibreOffice
 * leave them out of a PDF; a PDF sent with its hidden slides exported is matched slide for slide. All of it runs
 * outside any transaction; storing the result is {@link DeckLibrary#uploadPptx}.
 */
@ApplicationScoped
public class PptxDecks {

    /**
     * A PowerPoint deck ready to store.
     *
     * @param pdf the pages, the file named as the {@code .pptx}
     * @param title the deck's title: its first shown slide's title, else the first line of its first page, else its
     *        file name
     * @param pages per page, in order, the slide's title and notes
     * @param pdfBytes the PDF's bytes (sent along or converted), kept for the deck's download
     */
    public record PptxDeck(PdfRenderer.RenderedPdf pdf, String title, List<PdfDecks.PageSlide> pages, byte[] pdfBytes) {
    }

    @Inject
    PdfRenderer pdfs;

    @Inject
    PptxConverter converter;

    @Inject
    PptxConfig config;

    /**
     * Reads, converts (unless the upload holds the PDF) and renders a PowerPoint upload.
     *
     * @throws ApiProblem the refusals of {@link PptxReader#read}, {@link PptxConverter#convert} and
     *         {@link PdfRenderer#render}; 413 {@code pptx-too-large}; 400 {@code pptx-pdf-mismatch} when the PDF sent
     *         with it has another number of pages than the presentation has slides; 422 {@code pptx-external-content}
     *         when it is to be converted and links to pictures or objects outside itself
     */
    public PptxDeck render(DeckUploads.Upload upload) {
        String name = DeckUploads.fileName(upload.deck());
        Path file = upload.deck().uploadedFile();
        long size = size(file);
        if (size > pdfs.limits().maxBytes()) {
            throw new ApiProblem(413, "pptx-too-large", "Presentation too large",
                    "A presentation may be at most " + pdfs.limits().maxBytes() + " bytes; " + name + " is " + size);
        }
        List<PptxReader.PptxSlide> slides = PptxReader.read(name, file, new PptxReader.Limits(config.maxEntries(),
                config.maxUnpackedBytes(), pdfs.limits().maxPages()));
        List<PptxReader.PptxSlide> shown = slides.stream().filter(s -> !s.hidden()).toList();
        PdfRenderer.RenderedPdf rendered;
        byte[] pdfBytes;
        if (upload.pdf() != null) {
            String pdfName = DeckUploads.fileName(upload.pdf());
            rendered = pdfs.render(pdfName, upload.pdf().uploadedFile());
            pdfBytes = bytes(upload.pdf().uploadedFile());
            int pages = rendered.pages().size();
            if (pages == slides.size()) {
                shown = slides;
            } else if (pages != shown.size()) {
                throw new ApiProblem(400, "pptx-pdf-mismatch", "PDF does not match the presentation", pdfName + " has "
                        + pages + " pages, but " + name + " shows " + shown.size() + " slides; export the PDF from "
                        + "this presentation again and upload both");
            }
        } else {
            PptxReader.requireNoExternalContent(name, file);
            try (PptxConverter.Converted converted = converter.convert(name, file)) {
                rendered = pdfs.render(name, converted.pdf());
                pdfBytes = bytes(converted.pdf());
            }
            if (rendered.pages().size() != shown.size()) {
                throw new ApiProblem(422, "pptx-conversion-failed", "Conversion failed", "LibreOffice made "
                        + rendered.pages().size() + " pages of the " + shown.size() + " slides of " + name
                        + "; export the deck as PDF (File → Export → PDF) and upload it with the .pptx");
            }
        }
        List<PdfDecks.PageSlide> pages = shown.stream().map(s -> new PdfDecks.PageSlide(s.title(), s.notes())).toList();
        return new PptxDeck(new PdfRenderer.RenderedPdf(name, rendered.pages()), title(name, shown, rendered), pages,
                pdfBytes);
    }

    private static String title(String name, List<PptxReader.PptxSlide> shown, PdfRenderer.RenderedPdf pdf) {
        if (shown.get(0).title() != null) {
            return shown.get(0).title();
        }
        String first = PageText.title(pdf.pages().get(0).text());
        if (first != null) {
            return first;
        }
        String bare = name.replaceFirst("(?i)\\.pptx$", "");
        return PageText.cut(bare.isBlank() ? name : bare, PageText.MAX_TITLE);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
