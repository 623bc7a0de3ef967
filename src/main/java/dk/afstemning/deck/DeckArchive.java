package dk.afstemning.deck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import dk.afstemning.problem.ApiProblem;

/**
 * A PDF deck as one zip, to download and upload again: the PDF as it was uploaded and {@code deck.md}, its manifest.
 * An uploaded zip is read as hostile: at most {@link #MAX_ENTRIES} entries, plain names only, each entry's bytes counted
 * as they are inflated (never trusting the sizes the zip declares) and cut off at the deck's limits.
 */
public final class DeckArchive {

    /** The manifest's name inside the zip. */
    public static final String MANIFEST = "deck.md";

    /** Most entries a deck zip may have: the PDF and the manifest, and room for a folder entry or two. */
    static final int MAX_ENTRIES = 4;

    private static final Pattern PDF_NAME = Pattern.compile("[A-Za-z0-9._ -]{1,120}\\.pdf", Pattern.CASE_INSENSITIVE);

    /**
     * A deck read from a zip.
     *
     * @param pdfName the PDF's file name
     * @param pdf the PDF's bytes
     * @param manifest {@code deck.md}
     */
    public record Contents(String pdfName, byte[] pdf, String manifest) {
    }

    private DeckArchive() {
    }

    /** True when the upload starts like a zip ({@code PK\3\4}). */
    public static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The zip of a PDF deck: the PDF first, then {@code deck.md}. */
    public static byte[] write(String pdfName, byte[] pdf, String manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + manifest.length() + 512);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(pdfName));
            zip.write(pdf);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a deck zip: exactly one {@code *.pdf} and one {@code deck.md} at its top level; folder entries are
     * skipped.
     *
     * @param maxPdfBytes the largest PDF accepted
     * @throws ApiProblem 400 {@code invalid-archive} for anything else (other or nested names, too many entries, a
     *         broken zip, a manifest that is not UTF-8, a PDF that is not one), 413 {@code archive-too-large} when an
     *         entry inflates past its limit
     */
    public static Contents read(InputStream in, long maxPdfBytes) {
        String pdfName = null;
        byte[] pdf = null;
        String manifest = null;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw invalid("a deck zip holds only the PDF and " + MANIFEST + ", not " + MAX_ENTRIES
                            + " entries or more");
                }
                String name = entry.getName();
                if (entry.isDirectory() && name.indexOf('/') == name.length() - 1 && !name.contains("..")) {
                    continue;
                }
                if (name.equals(MANIFEST) && manifest == null) {
                    manifest = utf8(bounded(zip, DeckImporter.MAX_DECK_BYTES, MANIFEST));
                } else if (PDF_NAME.matcher(name).matches() && !name.startsWith(".") && pdf == null) {
                    pdfName = name;
                    pdf = bounded(zip, maxPdfBytes, name);
                } else {
                    throw invalid("a deck zip holds one PDF and " + MANIFEST + " at its top level; '"
                            + name.replaceAll("[^A-Za-z0-9._/ -]", "_") + "' is neither");
                }
            }
        } catch (ZipException e) {
            throw invalid("the zip is broken: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pdf == null || manifest == null) {
            throw invalid("a deck zip holds one PDF and " + MANIFEST + "; this one lacks "
                    + (pdf == null ? "the PDF" : MANIFEST));
        }
        if (!PdfRenderer.isPdf(java.util.Arrays.copyOf(pdf, Math.min(5, pdf.length)))) {
            throw invalid("'" + pdfName + "' in the zip is not a PDF");
        }
        return new Contents(pdfName, pdf, manifest);
    }

    private static byte[] bounded(InputStream in, long max, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw new ApiProblem(413, "archive-too-large", "Deck zip too large",
                        "'" + name + "' in the zip is larger than " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(MANIFEST + " is not valid UTF-8");
        }
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-archive", detail);
    }
}
