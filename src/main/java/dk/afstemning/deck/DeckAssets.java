package dk.afstemning.deck;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Where a deck's relative image paths ({@code ![chart](img/chart.png)}) lead: for a deck of the slides folder to
 * {@code /slides/…}; for an uploaded deck to {@code /deck-images/{sha256}} of the image uploaded with it under that
 * name (a zip, or the deck editor). A path that names no uploaded image is left as written: the slide shows a broken
 * image, as Marp does, and the organiser is warned ({@link #missing}).
 */
public final class DeckAssets {

    private static final Pattern ABSOLUTE_URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|/|#)");
    private static final Parser INLINES = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private DeckAssets() {
    }

    /** Relative paths under {@code base}, e.g. {@code /slides/}. */
    static UnaryOperator<String> folder(String base) {
        return src -> ABSOLUTE_URL.matcher(src).find() ? null : base + (src.startsWith("./") ? src.substring(2) : src);
    }

    /** Relative paths to the uploaded images, by name ({@code img/chart.png}) to SHA-256; others as written. */
    static UnaryOperator<String> uploaded(Map<String, String> hashes) {
        return src -> {
            String name = ABSOLUTE_URL.matcher(src).find() ? null : name(decode(src));
            String hash = name == null ? null : hashes.get(name);
            return hash == null ? null : PdfDecks.IMAGES + hash;
        };
    }

    /**
     * A relative path as the name it is stored under: {@code /}-separated, without {@code ./}, with {@code a/..}
     * folded and leading {@code ../} kept (an image beside the deck's folder in a zip); null when empty.
     */
    static String name(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** Percent-decoding of a URL path ({@code my%20chart.png}); {@code +} stays a plus. */
    private static String decode(String src) {
        if (src.indexOf('%') < 0) {
            return src;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '%' && i + 2 < src.length() && Character.digit(src.charAt(i + 1), 16) >= 0
                    && Character.digit(src.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(src.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The relative images of an uploaded deck that were not uploaded with it, one warning per path (at its first use).
     *
     * @param names the names of the deck's uploaded images
     */
    public static List<DeckWarning> missing(String file, String markdown, java.util.Set<String> names) {
        List<DeckWarning> warnings = new ArrayList<>();
        missingSources(markdown, names).forEach((src, line) -> warnings.add(DeckWarning.of("image-missing", file, line,
                src, "image '" + src + "' was not uploaded with the deck; the slide shows a broken image, as in Marp: "
                        + "upload the deck as a .zip with its images, or add the image in the deck editor")));
        return warnings;
    }

    /**
     * Where an image added in the deck editor belongs: the one relative path of the deck, not uploaded yet, whose file
     * name is the image's ({@code img/chart.png} for {@code chart.png}, as a Marp deck keeps its images in a folder),
     * so the slide shows it; else the image's own name.
     *
     * @param names the names of the deck's uploaded images
     * @param fileName the added image's name ({@link DeckBundle#image})
     */
    public static String placeFor(String markdown, java.util.Set<String> names, String fileName) {
        java.util.TreeSet<String> paths = new java.util.TreeSet<>();
        for (String src : missingSources(markdown, names).keySet()) {
            String path = name(decode(src));
            if (path != null && !path.startsWith("../") && DeckBundle.fileName(path).equals(fileName)) {
                paths.add(path);
            }
        }
        return paths.size() == 1 ? paths.first() : fileName;
    }

    /** The relative image paths of a deck that are not among the uploaded names, each with the line of its first use. */
    private static Map<String, Integer> missingSources(String markdown, java.util.Set<String> names) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        INLINES.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String src = image.getDestination();
                if (src != null && !src.isBlank() && !ABSOLUTE_URL.matcher(src).find()
                        && !src.startsWith("data:")) {
                    String name = name(decode(src));
                    if (name == null || !names.contains(name)) {
                        int line = image.getSourceSpans().isEmpty() ? 1
                                : image.getSourceSpans().get(0).getLineIndex() + 1;
                        lines.putIfAbsent(src, line);
                    }
                }
            }
        });
        return lines;
    }
}
