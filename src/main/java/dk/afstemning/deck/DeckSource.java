package dk.afstemning.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deck's text cut into its slides' exact source, so that the editor can change some slides and write every other
 * one back byte for byte. The cuts are the parser's: slide {@code i} runs from its first line ({@link DeckSlide#line()})
 * to the next slide's; what follows its content (the {@code ---} line and blank lines) is its gap. A gap is written
 * back as it was while the slide keeps its neighbour; a slide that gets a new neighbour is followed by
 * {@link #SEPARATOR}. Works for Markdown decks and for PDF manifests alike (both are Markdown).
 */
final class DeckSource {

    /** Between a slide and a new neighbour: a blank line, {@code ---}, a blank line. */
    static final String SEPARATOR = "\n---\n\n";

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    /** A thematic break, which the parser (as Marp) takes as a slide separator: {@code ---}, {@code ***}, {@code - - -}. */
    private static final Pattern BREAK = Pattern.compile("(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,}");
    private static final Pattern NOTE = Pattern.compile("(?m)^ {0,3}<!--(.*?)-->[ \\t]*\\n?", Pattern.DOTALL);

    /** One slide's source. {@code origin} is its index in the text it was read from, -1 for a new slide. */
    record Segment(String body, String gap, int origin) {

        Segment withBody(String newBody) {
            return new Segment(newBody, gap, origin);
        }
    }

    private final String prefix;
    private final List<Segment> segments;
    private final int originalCount;

    private DeckSource(String prefix, List<Segment> segments) {
        this.prefix = prefix;
        this.segments = segments;
        this.originalCount = segments.size();
    }

    /** Cuts {@code text} at the slides the parser found in it. */
    static DeckSource of(String text, Deck parsed) {
        List<Integer> starts = new ArrayList<>();
        int offset = 0;
        int line = 1;
        int slide = 0;
        List<DeckSlide> slides = parsed.slides();
        while (slide < slides.size()) {
            if (line == slides.get(slide).line()) {
                starts.add(offset);
                slide++;
                continue;
            }
            int next = text.indexOf('\n', offset);
            if (next < 0 && slide == slides.size() - 1 && slides.get(slide).line() == line + 1) {
                // The empty slide after a closing '---' without a line end (Marp keeps it): it starts at the end.
                starts.add(text.length());
                slide++;
                continue;
            }
            if (next < 0) {
                throw new IllegalArgumentException("slide " + (slide + 1) + " starts past the end of the text");
            }
            offset = next + 1;
            line++;
        }
        // A slide starts after the blank lines that follow its separator: they belong to the gap before it.
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            while (start < end && text.charAt(start) == '\n') {
                start++;
            }
            if (start < end) {
                starts.set(i, start);
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String region = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            int cut = contentEnd(region);
            segments.add(new Segment(region.substring(0, cut), region.substring(cut), i));
        }
        return new DeckSource(text.substring(0, starts.isEmpty() ? text.length() : starts.get(0)), segments);
    }

    /** Where a slide's content ends: before its trailing lines that are blank or a separator such as {@code ---}. */
    private static int contentEnd(String region) {
        int end = region.length();
        while (end > 0) {
            int lineStart = region.lastIndexOf('\n', end - 1 - (region.charAt(end - 1) == '\n' ? 1 : 0)) + 1;
            String line = region.substring(lineStart, end).strip();
            if (!line.isEmpty() && !BREAK.matcher(line).matches()) {
                break;
            }
            end = lineStart;
        }
        return end;
    }

    int size() {
        return segments.size();
    }

    Segment get(int index) {
        return segments.get(index);
    }

    /** The text before the first slide: the front matter. */
    String prefix() {
        return prefix;
    }

    void set(int index, String body) {
        segments.set(index, segments.get(index).withBody(body));
    }

    void insert(int index, String body) {
        segments.add(index, new Segment(body, "", -1));
    }

    void remove(int index) {
        segments.remove(index);
    }

    void swap(int a, int b) {
        Segment first = segments.get(a);
        segments.set(a, segments.get(b));
        segments.set(b, first);
    }

    /** The whole text: untouched slides with their neighbours keep their exact bytes. */
    String text() {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean last = i == segments.size() - 1;
            boolean sameNext = s.origin >= 0 && (last ? s.origin == originalCount - 1
                    : segments.get(i + 1).origin == s.origin + 1);
            out.append(s.body);
            if (sameNext) {
                out.append(s.gap);
            } else if (last) {
                out.append(s.body.endsWith("\n") ? "" : "\n");
            } else {
                out.append(s.body.endsWith("\n") ? SEPARATOR : "\n" + SEPARATOR);
            }
        }
        return out.toString();
    }

    /** The slide's body with its speaker notes replaced by {@code notes} (none when blank), other comments kept. */
    static String withNotes(String body, String notes, java.util.function.Predicate<String> keep) {
        StringBuilder kept = new StringBuilder();
        Matcher m = NOTE.matcher(body);
        int last = 0;
        List<int[]> fences = fences(body);
        while (m.find()) {
            String inner = m.group(1).strip();
            boolean inFence = fences.stream().anyMatch(f -> m.start() >= f[0] && m.start() < f[1]);
            if (inFence || keep.test(inner)) {
                continue;
            }
            kept.append(body, last, m.start());
            last = m.end();
        }
        kept.append(body.substring(last));
        String text = kept.toString().stripTrailing();
        if (notes == null || notes.isBlank()) {
            return text + "\n";
        }
        // Right under a comment (a manifest's page, a directive) as the manifest writes it; else after a blank line.
        return text + (text.isEmpty() ? "" : text.endsWith("-->") ? "\n" : "\n\n") + comment(notes) + "\n";
    }

    /**
     * A note as an HTML comment; {@code -->} inside it would end the comment early, so it is written {@code --&gt;}
     * (the deck parser reads it back as {@code -->}). A line of only {@code ---} (a slide break) becomes {@code - - -} and a line that would open a code block is
     * indented, so the comment stays in its slide.
     */
    static String comment(String notes) {
        String text = notes.strip().replace("\r\n", "\n").replace("-->", "--&gt;");
        text = NOTE_FENCE.matcher(NOTE_DIVIDER.matcher(text).replaceAll("- - -")).replaceAll("    $1");
        return "<!-- " + text + " -->";
    }

    private static final Pattern NOTE_FENCE = Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})");
    private static final Pattern NOTE_DIVIDER = Pattern.compile("(?m)^[ \\t]*---[ \\t]*$");

    /** The slide's poll block (from its opening fence to its closing one, line ends included) as {start, end}. */
    static int[] pollBlock(String body) {
        return fences(body).stream().filter(f -> f[2] == 1).findFirst().orElse(null);
    }

    private static boolean closes(String line, String marker) {
        return line.length() >= marker.length() && line.chars().allMatch(c -> c == marker.charAt(0));
    }

    /** The fenced code blocks of a slide as {start, end, 1 for a poll block else 0}. */
    private static List<int[]> fences(String body) {
        List<int[]> result = new ArrayList<>();
        int offset = 0;
        int open = -1;
        String marker = null;
        boolean poll = false;
        while (offset < body.length()) {
            int end = body.indexOf('\n', offset);
            int next = end < 0 ? body.length() : end + 1;
            String line = body.substring(offset, end < 0 ? body.length() : end);
            if (open < 0) {
                Matcher m = FENCE.matcher(line);
                if (m.matches()) {
                    open = offset;
                    marker = m.group(1);
                    poll = m.group(2).strip().equals("poll");
                }
            } else if (closes(line.strip(), marker)) {
                result.add(new int[] {open, next, poll ? 1 : 0});
                open = -1;
            }
            offset = next;
        }
        return result;
    }
}
