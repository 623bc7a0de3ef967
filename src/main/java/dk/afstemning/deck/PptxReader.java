package dk.afstemning.deck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import io.quarkus.logging.Log;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.LogText;

/**
 * Reads the titles and speaker notes of a PowerPoint presentation ({@code .pptx}) with Apache POI; nothing is
 * rendered. The file is hostile until read: before POI opens it, every entry of the ZIP is inflated once and counted,
 * so a ZIP bomb (too many entries, or more inflated bytes than allowed) is refused after reading at most the limit;
 * POI's own {@link ZipSecureFile} limits guard its reading as well.
 */
final class PptxReader {

    /** Most bytes of one relationship part ({@code .rels}) that is read. */
    private static final int MAX_RELS = 4 * 1024 * 1024;
    private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b[^>]*>");
    private static final Pattern EXTERNAL = Pattern.compile("\\bTargetMode\\s*=\\s*([\"'])External\\1");
    private static final Pattern TYPE = Pattern.compile("\\bType\\s*=\\s*([\"'])([^\"']*)\\1");

    /** Most characters of a slide's notes that are kept. */
    static final int MAX_NOTES = 20_000;

    /**
     * One slide.
     *
     * @param number 1-based, hidden slides counted
     * @param hidden true when the slide is hidden in the slide show (PowerPoint and LibreOffice leave it out of a PDF)
     * @param title the text of its title placeholder, on one line, or null
     * @param notes its speaker notes, lines kept, or null when it has none
     */
    record PptxSlide(int number, boolean hidden, String title, String notes) {
    }

    /**
     * @param maxEntries most entries of the ZIP
     * @param maxUnpackedBytes most bytes of all entries together, inflated
     * @param maxSlides most slides
     */
    record Limits(int maxEntries, long maxUnpackedBytes, int maxSlides) {
    }

    private PptxReader() {
    }

    /**
     * The slides of the presentation at {@code file}, in order.
     *
     * @param name the upload's file name, for messages
     * @throws ApiProblem 413 {@code pptx-unpacked-too-large} (ZIP bomb) or {@code pptx-too-many-slides}; 400
     *         {@code pptx-unreadable} or {@code pptx-empty} (no slides shown)
     */
    static List<PptxSlide> read(String name, Path file, Limits limits) {
        inspect(name, file, limits);
        List<PptxSlide> slides = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XMLSlideShow show = new XMLSlideShow(pkg)) {
            List<XSLFSlide> all = show.getSlides();
            if (all.size() > limits.maxSlides()) {
                throw new ApiProblem(413, "pptx-too-many-slides", "Too many slides",
                        name + " has " + all.size() + " slides; a deck may have at most " + limits.maxSlides());
            }
            for (XSLFSlide slide : all) {
                slides.add(new PptxSlide(slide.getSlideNumber(), slide.isHidden(), title(slide.getTitle()),
                        notes(slide.getNotes())));
            }
        } catch (InvalidFormatException | IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw unreadable(name, e);
        }
        if (slides.stream().allMatch(PptxSlide::hidden)) {
            throw new ApiProblem(400, "pptx-empty", "Presentation without slides",
                    name + (slides.isEmpty() ? " has no slides" : " has only hidden slides"));
        }
        return List.copyOf(slides);
    }

    /** Inflates every entry once, counting, so that a ZIP bomb stops at the limit. */
    private static void inspect(String name, Path file, Limits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw unpackedTooLarge(name, zip.size() + " entries; at most " + limits.maxEntries());
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        total += n;
                        if (total > limits.maxUnpackedBytes()) {
                            throw unpackedTooLarge(name, "more than " + limits.maxUnpackedBytes() + " bytes unpacked");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /**
     * Refuses a presentation that links to content outside itself (a picture, video, sound or object by URL or file
     * path; hyperlinks are fine): LibreOffice would fetch it while converting, a request from the server to wherever
     * the file points. Call it before converting; it reads only the relationship parts.
     *
     * @throws ApiProblem 422 {@code pptx-external-content}; 400 {@code pptx-unreadable}
     */
    static void requireNoExternalContent(String name, Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".rels")) {
                    continue;
                }
                String rels;
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes(MAX_RELS + 1);
                    if (bytes.length > MAX_RELS) {
                        throw unreadable(name, new IOException(entry.getName() + " is larger than " + MAX_RELS + " bytes"));
                    }
                    rels = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                }
                Matcher relationship = RELATIONSHIP.matcher(rels);
                while (relationship.find()) {
                    String tag = relationship.group();
                    Matcher type = TYPE.matcher(tag);
                    if (EXTERNAL.matcher(tag).find() && !(type.find() && type.group(2).endsWith("/hyperlink"))) {
                        throw new ApiProblem(422, "pptx-external-content", "Presentation links to outside content",
                                name + " links to a picture, video or object outside the file (" + entry.getName()
                                        + "); insert it into the presentation instead of linking to it, or upload the "
                                        + ".pptx and its PDF together");
                    }
                }
            }
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** The title placeholder's text on one line, at most {@link PageText#MAX_TITLE} characters; null if blank. */
    private static String title(String text) {
        return text == null ? null
                : PageText.title(PageText.clean(text.replaceAll("[\\r\\n\\u000B]+", " "), PageText.MAX_TITLE));
    }

    /** The text of the notes placeholder (not the slide image, number, header or footer); null if blank. */
    private static String notes(XSLFNotes notes) {
        if (notes == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (XSLFShape shape : notes.getShapes()) {
            if (shape instanceof XSLFTextShape body && body.getTextType() == Placeholder.BODY) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(body.getText().replace('\u000B', '\n'));
            }
        }
        String clean = PageText.clean(text.toString(), MAX_NOTES);
        return clean.isEmpty() ? null : clean;
    }

    private static ApiProblem unpackedTooLarge(String name, String what) {
        return new ApiProblem(413, "pptx-unpacked-too-large", "Presentation unpacks too large",
                name + " unpacks to " + what);
    }

    private static ApiProblem unreadable(String name, Exception cause) {
        Log.debugf(cause, "%s cannot be read as a PowerPoint presentation", LogText.quoted(name));
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "…";
        }
        return new ApiProblem(400, "pptx-unreadable", "Presentation cannot be read",
                name + " cannot be read as a PowerPoint presentation: " + reason);
    }

    static {
        // POI's own guards while it reads (the inspection above comes first): no entry inflating more than 100 times
        // (its default), none over 100 MiB, at most 10,000 entries.
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(10_000);
    }
}
