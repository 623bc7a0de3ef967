package dk.afstemning.deck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import dk.afstemning.problem.ApiProblem;

/**
 * What kind of file an upload is, known by its content, never by its name: a PDF ({@code %PDF-}), a PowerPoint
 * presentation (a ZIP holding {@code ppt/presentation.xml}), a deck zip from the deck editor (a ZIP holding
 * {@code deck.md}, see {@link DeckArchive}), else a Markdown deck. Files that are clearly something
 * else (another Office document, a Keynote or OpenDocument file, an image) are refused here with a problem that says
 * what is accepted; an older or locked PowerPoint file with one that says what to do instead.
 */
public final class DeckFiles {

    /** The kinds of deck accepted. */
    public enum Kind {
        MARKDOWN, PDF, PPTX,
        /** A PDF deck's zip, downloaded from the deck editor: its PDF and {@code deck.md}. */
        DECK_ZIP,
        /** A Markdown deck with its images in one zip (see {@link DeckBundle}). */
        MARKDOWN_ZIP
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final String ACCEPTED = "a deck is a Markdown file (.md), a PDF, or a PowerPoint presentation (.pptx)";

    private DeckFiles() {
    }

    /**
     * The kind of the file at {@code file}.
     *
     * @param name the upload's file name, for messages
     * @throws ApiProblem 415 {@code deck-type-unsupported} (another kind of document or an image), 415
     *         {@code pptx-legacy} (PowerPoint 97–2003, {@code .ppt}), 415 {@code pptx-macros} (macro-enabled,
     *         {@code .pptm}), 400 {@code pptx-encrypted} (an Office file locked with a password)
     */
    public static Kind kind(String name, Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (PdfRenderer.isPdf(head)) {
            return Kind.PDF;
        }
        if (startsWith(head, ZIP)) {
            return zip(name, file);
        }
        if (startsWith(head, OLE2)) {
            throw ole2(name, file);
        }
        String image = image(head);
        if (image != null) {
            throw unsupported(name, "an image (" + image + ")");
        }
        String markup = markup(head);
        if (markup != null) {
            throw unsupported(name, markup);
        }
        return Kind.MARKDOWN;
    }

    /** A ZIP: a PowerPoint presentation by its main part, or another packaged format that is refused. */
    private static Kind zip(String name, Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("ppt/presentation.xml") != null) {
                if (zip.getEntry("ppt/vbaProject.bin") != null || contentTypes(zip).contains("macroEnabled")) {
                    throw new ApiProblem(415, "pptx-macros", "Presentation with macros",
                            name + " is a PowerPoint presentation with macros (.pptm); save it as a PowerPoint "
                                    + "presentation (.pptx) or export it as PDF, and upload that");
                }
                return Kind.PPTX;
            }
            // A PDF deck's zip holds its PDF; deck.md alone (or with images) is a Markdown deck's zip.
            if (zip.getEntry(DeckArchive.MANIFEST) != null
                    && zip.stream().anyMatch(e -> e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))) {
                return Kind.DECK_ZIP;
            }
            if (zip.stream().anyMatch(e -> e.getName().matches("(?i).+\\.(md|markdown)")
                    && !e.getName().startsWith("__MACOSX/"))) {
                return Kind.MARKDOWN_ZIP;
            }
            if (zip.getEntry("word/document.xml") != null) {
                throw unsupported(name, "a Word document");
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                throw unsupported(name, "an Excel workbook");
            }
            if (zip.getEntry("Index/Document.iwa") != null || zip.getEntry("index.apxl") != null
                    || zip.getEntry("Index.zip") != null) {
                throw unsupported(name, "a Keynote presentation");
            }
            if (zip.getEntry("content.xml") != null && zip.getEntry("mimetype") != null) {
                throw unsupported(name, "an OpenDocument file");
            }
            throw unsupported(name, "a ZIP archive");
        } catch (ZipException e) {
            throw unsupported(name, "a damaged ZIP archive");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentTypes(ZipFile zip) throws IOException {
        ZipEntry types = zip.getEntry("[Content_Types].xml");
        if (types == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(types)) {
            // The part list is small; a larger one is not read past 64 KiB.
            return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** An OLE2 compound file: PowerPoint 97–2003, a password-locked Office file, or another old Office document. */
    private static ApiProblem ole2(String name, Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                return new ApiProblem(400, "pptx-encrypted", "Presentation is protected by a password",
                        name + " needs a password to open; save it without the password and upload it again");
            }
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                return new ApiProblem(415, "pptx-legacy", "PowerPoint 97–2003 file",
                        name + " is a PowerPoint 97–2003 file (.ppt); save it as a PowerPoint presentation (.pptx) "
                                + "or export it as PDF, and upload that");
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return unsupported(name, "a Word 97–2003 document");
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return unsupported(name, "an Excel 97–2003 workbook");
            }
            return unsupported(name, "an Office 97–2003 file");
        } catch (IOException | RuntimeException e) {
            return unsupported(name, "a damaged Office file");
        }
    }

    /**
     * A text file that is markup, not Markdown, by how it starts (after a byte order mark and blank space): an SVG image,
     * an HTML page or another XML file; null otherwise. (A Markdown deck may hold HTML, but never starts as a document.)
     */
    static String markup(byte[] head) {
        String start = new String(head, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "")
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("<svg") || start.startsWith("<?xml") && start.contains("<svg")) {
            return "an image (SVG)";
        }
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "an HTML page";
        }
        if (start.startsWith("<?xml")) {
            return "an XML file";
        }
        return null;
    }

    /** PNG, JPEG, GIF or WebP by the bytes' start, or null. */
    static String image(byte[] head) {
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "PNG";
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "JPEG";
        }
        if (startsWith(head, new byte[] {'G', 'I', 'F', '8'})) {
            return "GIF";
        }
        if (startsWith(head, new byte[] {'R', 'I', 'F', 'F'}) && head.length >= 12
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return "WebP";
        }
        return null;
    }

    /** 415 {@code deck-type-unsupported}: {@code what} names what the file is, e.g. "a Word document". */
    static ApiProblem unsupported(String name, String what) {
        return new ApiProblem(415, "deck-type-unsupported", "Not a deck",
                name + " is " + what + "; " + ACCEPTED);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
