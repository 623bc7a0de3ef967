package dk.afstemning.deck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import dk.afstemning.problem.ApiProblem;

/**
 * A Markdown deck uploaded as a zip with its images (README "Decks"): one {@code .md} file, at the top or in a folder,
 * and PNG, JPEG, GIF or WebP images, known by their content. The zip is read as hostile: the entry count is checked
 * from the central directory before anything is inflated; names that climb out ({@code ..}), absolute names, drive
 * letters, backslashes and symbolic links are refused; every entry's bytes are counted as they are inflated (never
 * trusting the sizes the zip declares) against a per-entry limit, a limit for the whole zip and a compression ratio.
 * SVG is refused, not sanitised: an SVG can carry script, and the deck's images are served from this site.
 */
public final class DeckBundle {

    /** Most entries a deck zip may have, folders included. */
    public static final int MAX_ENTRIES = 1000;
    /** Largest image, inflated. */
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    /** Most bytes of all entries together, inflated. */
    public static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    /** Largest ratio of inflated to compressed bytes of an entry over {@link #RATIO_FLOOR} bytes: a zip bomb's mark. */
    public static final int MAX_RATIO = 100;
    private static final long RATIO_FLOOR = 64 * 1024;

    private static final Map<String, String> MEDIA_TYPES = Map.of("PNG", "image/png", "JPEG", "image/jpeg", "GIF",
            "image/gif", "WebP", "image/webp");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final Pattern MARKDOWN = Pattern.compile("(?i).+\\.(md|markdown)");
    /** What macOS and Windows add to a zip on their own: skipped, not refused. */
    private static final Pattern SYSTEM_FILE = Pattern.compile("(^|.*/)(__MACOSX/.*|\\.DS_Store|Thumbs\\.db|desktop\\.ini)");

    /**
     * An image of the deck.
     *
     * @param name its path relative to the deck's Markdown file, {@code /}-separated
     * @param mediaType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}
     * @param hash SHA-256 of the bytes, lower-case hex
     */
    public record Image(String name, String mediaType, byte[] bytes, String hash) {
    }

    /**
     * A deck read from a zip.
     *
     * @param deckName the Markdown file's name, without its folder
     * @param markdown its text
     * @param images its images, in the zip's order
     */
    public record Contents(String deckName, String markdown, List<Image> images) {
    }

    private DeckBundle() {
    }

    /**
     * Reads a deck zip.
     *
     * @param upload the uploaded file's name, for messages
     * @throws ApiProblem 413 {@code deck-zip-too-large} (too many entries, an entry or the whole over its limit, a
     *         compression ratio over {@link #MAX_RATIO}); 400 {@code deck-zip-refused} (an unsafe name or a link, an
     *         entry that is no image, an SVG, no or two Markdown files, a deck that is not UTF-8, a broken zip)
     */
    public static Contents read(String upload, Path zip) {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw tooLarge(upload, "zip_too_many_entries", upload, entries.size(), MAX_ENTRIES);
            }
            ZipArchiveEntry deck = null;
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName();
                checkName(upload, entry);
                if (!entry.isDirectory() && !SYSTEM_FILE.matcher(name).matches() && MARKDOWN.matcher(name).matches()) {
                    if (deck != null) {
                        throw refused(upload, "zip_two_decks", upload, shown(deck.getName()), shown(name));
                    }
                    deck = entry;
                }
            }
            if (deck == null) {
                throw refused(upload, "zip_no_deck", upload);
            }
            String folder = deck.getName().contains("/")
                    ? deck.getName().substring(0, deck.getName().lastIndexOf('/') + 1) : "";
            long[] total = {0};
            String markdown = utf8(upload, deck.getName(),
                    bounded(file, upload, deck, DeckImporter.MAX_DECK_BYTES, total));
            List<Image> images = new ArrayList<>();
            for (ZipArchiveEntry entry : entries) {
                if (entry == deck || entry.isDirectory() || SYSTEM_FILE.matcher(entry.getName()).matches()) {
                    continue;
                }
                byte[] bytes = bounded(file, upload, entry, MAX_IMAGE_BYTES, total);
                String kind = DeckFiles.image(bytes);
                String type = kind == null ? null : MEDIA_TYPES.get(kind);
                if (type == null) {
                    String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8)
                            .toLowerCase(Locale.ROOT);
                    throw refused(upload, head.contains("<svg") ? "zip_svg" : "zip_not_image", upload,
                            shown(entry.getName()));
                }
                String name = DeckAssets.name(relative(folder, entry.getName()));
                images.add(new Image(name, type, bytes, PdfRenderer.sha256(bytes)));
            }
            return new Contents(deck.getName().substring(folder.length()), markdown, images);
        } catch (IOException e) {
            throw refused(upload, "zip_unreadable", upload, e.getMessage());
        }
    }

    /** An added image's stored name: the file name of a path, only letters, digits, {@code . _ -}, not hidden. */
    static String fileName(String path) {
        String name = path.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "image" + name : name;
    }

    /**
     * One image added in the deck editor, known by its content; its name is the file's, made safe
     * ({@code Kort over DK.png} becomes {@code Kort_over_DK.png}).
     *
     * @throws ApiProblem 400 {@code deck-image-refused} when it is no PNG, JPEG, GIF or WebP image (an SVG included),
     *         413 {@code deck-image-too-large} over {@link #MAX_IMAGE_BYTES}
     */
    public static Image image(String fileName, Path file) {
        String name = fileName(fileName == null ? "" : fileName);
        try {
            if (java.nio.file.Files.size(file) > MAX_IMAGE_BYTES) {
                throw new DeckRefusal(413, "deck-image-too-large", "Image too large",
                        DeckProblem.of(name, 0, "image_too_large", name, MAX_IMAGE_BYTES));
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            String kind = DeckFiles.image(bytes);
            if (kind == null) {
                throw new DeckRefusal(400, "deck-image-refused", "Not an image",
                        DeckProblem.of(name, 0, "image_not_image", name));
            }
            return new Image(name, MEDIA_TYPES.get(kind), bytes, PdfRenderer.sha256(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The entry's path as the deck refers to it: relative to the deck's folder, with {@code ../} to climb out. */
    private static String relative(String folder, String name) {
        String up = "";
        String base = folder;
        while (!name.startsWith(base)) {
            base = base.substring(0, base.lastIndexOf('/', base.length() - 2) + 1);
            up += "../";
        }
        return up + name.substring(base.length());
    }

    private static void checkName(String upload, ZipArchiveEntry entry) {
        String name = entry.getName();
        boolean climbs = List.of(name.split("/")).contains("..");
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || DRIVE.matcher(name).find() || climbs
                || name.chars().anyMatch(c -> c < 0x20)) {
            throw refused(upload, "zip_unsafe_name", upload, shown(name));
        }
        if (entry.isUnixSymlink()) {
            throw refused(upload, "zip_link", upload, shown(name));
        }
    }

    /** The entry's bytes, counted as they are inflated against its limit, the zip's total and the ratio. */
    private static byte[] bounded(ZipFile file, String upload, ZipArchiveEntry entry, long max, long[] total)
            throws IOException {
        if (!file.canReadEntryData(entry)) {
            throw refused(upload, "zip_encrypted", upload, shown(entry.getName()));
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long count = 0;
        try (InputStream in = file.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                count += n;
                total[0] += n;
                if (count > RATIO_FLOOR && count / compressed > MAX_RATIO) {
                    throw tooLarge(upload, "zip_bomb", upload, shown(entry.getName()), MAX_RATIO);
                }
                if (count > max) {
                    throw tooLarge(upload, "zip_entry_too_large", upload, shown(entry.getName()), max);
                }
                if (total[0] > MAX_TOTAL_BYTES) {
                    throw tooLarge(upload, "zip_total_too_large", upload, MAX_TOTAL_BYTES);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static String utf8(String upload, String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(upload, "zip_not_utf8", upload, shown(name));
        }
    }

    /** A name from the zip, safe to show: control characters replaced, at most 200 characters. */
    private static String shown(String name) {
        String safe = name.replaceAll("\\p{Cntrl}", "_");
        return safe.length() > 200 ? safe.substring(0, 200) + "…" : safe;
    }

    /** 400 {@code deck-zip-refused}: the fault {@code key} of {@link DeckErrorTexts} (no line: it is the zip's). */
    private static ApiProblem refused(String upload, String key, Object... args) {
        return new DeckRefusal(400, "deck-zip-refused", "Deck zip refused", DeckProblem.of(upload, 0, key, args));
    }

    private static ApiProblem tooLarge(String upload, String key, Object... args) {
        return new DeckRefusal(413, "deck-zip-too-large", "Deck zip too large", DeckProblem.of(upload, 0, key, args));
    }
}
