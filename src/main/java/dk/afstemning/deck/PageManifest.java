package dk.afstemning.deck;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page slides of a PDF deck's manifest (the deck's {@code markdown} column): after the front matter, one slide per
 * page, slides separated by {@code ---}; a page slide is a {@code <!-- page: N -->} comment, the slide's title as a
 * heading ({@code # Title}, when the deck gave one, as a PowerPoint title placeholder does) and its speaker notes as
 * one more comment. A manifest of front matter only has no page slides: every page then has no title or notes of its
 * own.
 *
 * <p>Notes are written so that the manifest still reads as a Markdown deck: {@code -->} in them becomes
 * {@code --&gt;} (read back as {@code -->}), a line of only {@code ---} becomes {@code - - -}, and a line that would
 * open a code block is indented by four spaces.
 */
final class PageManifest {

    /**
     * What the manifest says of one page.
     *
     * @param title the slide's title, or null
     * @param notes the speaker notes, or null
     */
    record PageSlide(String title, String notes) {
    }

    private static final Pattern PAGE = Pattern.compile("^\\s*page:\\s*(\\d{1,6})\\s*$");
    /** A comment, or a level-1 heading line outside comments. */
    private static final Pattern TOKEN = Pattern.compile("(?s)<!--(.*?)-->|(?m)^# ([^\n]+)$");
    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})");
    private static final Pattern DIVIDER = Pattern.compile("(?m)^[ \\t]*---[ \\t]*$");

    private PageManifest() {
    }

    /** The page slides after the front matter {@code front} (which ends with its closing {@code ---} line). */
    static String write(String front, List<PageSlide> pages) {
        StringBuilder out = new StringBuilder(front);
        for (int i = 0; i < pages.size(); i++) {
            PageSlide page = pages.get(i);
            out.append(i == 0 ? "\n" : "\n---\n\n").append("<!-- page: ").append(i + 1).append(" -->\n");
            if (page.title() != null) {
                out.append("\n# ").append(page.title().replaceAll("\\s+", " ").strip()).append('\n');
            }
            if (page.notes() != null) {
                out.append("\n<!--\n").append(escape(page.notes())).append("\n-->\n");
            }
        }
        return out.toString();
    }

    /** The page slides of a manifest by page number; empty for a manifest of front matter only. */
    static Map<Integer, PageSlide> read(String manifest) {
        Map<Integer, PageSlide> pages = new HashMap<>();
        if (manifest == null) {
            return pages;
        }
        int body = 0;
        if (manifest.startsWith("---\n")) {
            int end = manifest.indexOf("\n---", 3);
            body = end < 0 ? manifest.length() : end + 4;
        }
        Matcher m = TOKEN.matcher(manifest);
        m.region(body, manifest.length());
        Integer page = null;
        String title = null;
        StringBuilder notes = new StringBuilder();
        while (m.find()) {
            Matcher number = m.group(1) == null ? null : PAGE.matcher(m.group(1));
            if (number != null && number.matches()) {
                put(pages, page, title, notes);
                page = Integer.valueOf(number.group(1));
                title = null;
                notes.setLength(0);
            } else if (m.group(1) != null) {
                String note = unescape(m.group(1).strip());
                if (!note.isEmpty()) {
                    notes.append(notes.isEmpty() ? "" : "\n\n").append(note);
                }
            } else if (title == null) {
                title = m.group(2).strip();
            }
        }
        put(pages, page, title, notes);
        return pages;
    }

    private static void put(Map<Integer, PageSlide> pages, Integer page, String title, StringBuilder notes) {
        if (page != null) {
            pages.put(page, new PageSlide(title == null || title.isEmpty() ? null : title,
                    notes.isEmpty() ? null : notes.toString()));
        }
    }

    private static String escape(String notes) {
        String text = notes.replace("-->", "--&gt;");
        text = DIVIDER.matcher(text).replaceAll("- - -");
        return FENCE.matcher(text).replaceAll("    $1");
    }

    private static String unescape(String notes) {
        return notes.replace("--&gt;", "-->");
    }
}
