package dk.afstemning.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Markdown upload is before the parser reads it: a Marp deck, or a deck of another format, and what in it
 * Afstemning ignores. Slidev decks and Quarto/R Markdown documents are refused ({@link DeckFormatException}): read as
 * Marp they would become slides of YAML and code. A reveal.js Markdown deck, a plain Markdown file without slide breaks,
 * front matter keys neither Afstemning nor Marp knows and a free-text {@code date} are accepted with a
 * {@link DeckWarning}.
 */
public final class DeckFormats {

    /** Afstemning's own front matter keys (README "Decks"); their values are checked strictly by the parser. */
    static final Set<String> OWN_KEYS = Set.of("title", "speaker", "organisation", "date", "lang", "language", "qa",
            "profanity-filter", "profanity-words", "profanity-allow", "reactions", "phone-results", "accent");

    /** The themes marp-core has built in; another name needs its CSS, which a deck cannot bring (Marp CLI's --theme). */
    static final Set<String> MARP_THEMES = Set.of("default", "gaia", "uncover");
    /**
     * Marp's directives (Marpit's global and local ones, marp-core's {@code size} and {@code math}), Marp CLI's
     * metadata and bespoke {@code transition}, and the {@code marp} switch of Marp for VS Code: accepted silently. A
     * local directive may carry Marpit's {@code _} (this slide only) prefix, and older decks a {@code $}.
     */
    static final Set<String> MARP_KEYS = Set.of("marp", "theme", "style", "headingDivider", "lang", "size", "math",
            "paginate", "header", "footer", "class", "backgroundColor", "backgroundImage", "backgroundPosition",
            "backgroundRepeat", "backgroundSize", "color", "title", "description", "author", "keywords", "url", "image",
            "transition");

    private static final Pattern FENCE = Pattern.compile("-{3,}");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_$][A-Za-z0-9_$-]*)[ \\t]*:(.*)$");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([Tt ].*)?");
    private static final Pattern CODE_FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    /** Front matter keys only Slidev has (sli.dev "Configurations"), and its bundled themes. */
    private static final Set<String> SLIDEV_KEYS = Set.of("layout", "highlighter", "drawings", "mdc", "colorSchema",
            "canvasWidth", "aspectRatio", "routerMode", "themeConfig", "hideInToc", "clicks", "lineNumbers", "monaco",
            "addons", "seoMeta");
    private static final Set<String> SLIDEV_THEMES = Set.of("seriph", "apple-basic", "bricks", "shibainu");
    private static final Pattern SLIDEV_BODY = Pattern.compile("</?v-(click|clicks|after|switch|motion|mark|drag)\\b"
            + "|\\sv-(click|after|motion|mark|drag)\\b|^::[a-z][a-z0-9-]*::\\s*$");
    /** Quarto's {@code format:} and R Markdown's {@code output:} choose what the document renders to. */
    private static final Set<String> QUARTO_KEYS = Set.of("format", "output", "knitr", "jupyter", "execute",
            "engine");
    private static final Pattern QUARTO_CHUNK = Pattern.compile("^ {0,3}(`{3,})\\s*\\{(r|python|julia|ojs|mermaid)\\b.*\\}");
    private static final Pattern REVEAL_VERTICAL = Pattern.compile("^--[ \\t]*$");
    private static final Pattern REVEAL_NOTE = Pattern.compile("^(Note|Notes):");
    private static final Pattern REVEAL_ATTRIBUTES = Pattern.compile("<!--\\s*\\.(slide|element):");
    private static final Pattern SECTION = Pattern.compile("^ {0,3}#{1,2}[ \\t]");

    private DeckFormats() {
    }

    /** A front matter key with its 1-based line and raw value. */
    private record Key(String name, int line, String value) {
    }

    /** The deck's lines and its front matter's top-level keys. */
    private record Lines(List<String> lines, List<Key> keys, int bodyStart) {

        static Lines of(String markdown) {
            String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
            List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
            List<Key> keys = new ArrayList<>();
            int bodyStart = 0;
            if (!lines.isEmpty() && FENCE.matcher(lines.get(0).strip()).matches()) {
                int fence = lines.get(0).strip().length();
                for (int i = 1; i < lines.size(); i++) {
                    String l = lines.get(i).strip();
                    if (FENCE.matcher(l).matches() && l.length() >= fence || l.equals("...")) {
                        bodyStart = i + 1;
                        break;
                    }
                    Matcher m = KEY.matcher(lines.get(i));
                    if (m.matches()) {
                        keys.add(new Key(m.group(1), i + 1, m.group(2).strip()));
                    }
                }
                if (bodyStart == 0) {
                    keys.clear();
                }
            }
            return new Lines(lines, keys, bodyStart);
        }
    }

    /**
     * Refuses a Markdown file of a slide format Afstemning does not read.
     *
     * @throws DeckFormatException naming the format and the line that shows it: a Slidev deck (Slidev's front matter
     *         keys or themes, per-slide front matter: {@code key: value} lines between {@code ---} lines,
     *         {@code <v-click>} and the like, {@code ::slot::} lines), a Quarto or R Markdown document ({@code format:} or {@code output:} in front matter,
     *         {@code ```{r}} chunks)
     */
    public static void refuseOtherFormats(String file, String markdown) {
        Lines deck = Lines.of(markdown);
        for (Key key : deck.keys()) {
            String value = unquote(key.value()).toLowerCase(Locale.ROOT);
            if (SLIDEV_KEYS.contains(key.name()) || key.name().equals("theme") && SLIDEV_THEMES.contains(value)) {
                throw slidev(file, key.line(), key.name() + ": " + key.value());
            }
            if (QUARTO_KEYS.contains(key.name())) {
                throw quarto(file, key.line(), key.name() + ": " + key.value());
            }
        }
        forEachBodyLine(deck, (line, text) -> {
            Matcher slidev = SLIDEV_BODY.matcher(text);
            if (slidev.find()) {
                throw slidev(file, line, slidev.group().strip());
            }
            if (line >= 2 && deck.lines().get(line - 2).strip().equals("---") && slideFrontMatter(deck, line - 1)) {
                throw slidev(file, line, text.strip());
            }
            return false;
        }, true);
        for (int i = deck.bodyStart(); i < deck.lines().size(); i++) {
            if (QUARTO_CHUNK.matcher(deck.lines().get(i)).find()) {
                throw quarto(file, i + 1, deck.lines().get(i).strip());
            }
        }
    }

    /**
     * What Afstemning ignores in a deck it reads: front matter keys neither it nor Marp knows, a {@code date} that is
     * no ISO date, the marks of a reveal.js deck, and a file of several sections (headings of level 1 or 2) that is one
     * slide, since nothing splits it, and does not say {@code marp: true}.
     *
     * @param slides how many slides the parser found
     */
    public static List<DeckWarning> warnings(String file, String markdown, int slides) {
        Lines deck = Lines.of(markdown);
        List<DeckWarning> warnings = new ArrayList<>();
        boolean marp = false;
        for (Key key : deck.keys()) {
            String name = key.name().startsWith("_") || key.name().startsWith("$") ? key.name().substring(1)
                    : key.name();
            marp |= name.equals("marp") && unquote(key.value()).equals("true");
            if (key.name().equals("date") && !key.value().isEmpty()
                    && !ISO_DATE.matcher(unquote(key.value())).matches()) {
                warnings.add(DeckWarning.of("date-ignored", file, key.line(), unquote(key.value()),
                        "front matter 'date' (" + unquote(key.value()) + ") is not an ISO date such as 2022-11-02; "
                                + "it is ignored"));
            } else if (key.name().equals("theme") && !unquote(key.value()).isEmpty()
                    && !MARP_THEMES.contains(unquote(key.value()))) {
                String theme = unquote(key.value());
                warnings.add(DeckWarning.of("theme-unknown", file, key.line(), theme, "Marp theme '" + theme
                        + "' is not built in (default, gaia, uncover); the slides use the default theme, as in Marp "
                        + "without the theme's CSS"));
            } else if (!OWN_KEYS.contains(key.name()) && !MARP_KEYS.contains(name)) {
                warnings.add(DeckWarning.of("front-matter-ignored", file, key.line(), key.name(),
                        "front matter key '" + key.name() + "' is not one Afstemning or Marp knows; it is ignored"));
            }
        }
        int[] reveal = {0};
        String[] mark = {null};
        forEachBodyLine(deck, (line, text) -> {
            Matcher attributes = REVEAL_ATTRIBUTES.matcher(text);
            boolean vertical = REVEAL_VERTICAL.matcher(text).matches() && line >= 2
                    && deck.lines().get(line - 2).isBlank();
            if (vertical || REVEAL_NOTE.matcher(text).find() || attributes.find()) {
                reveal[0] = line;
                mark[0] = vertical ? "--" : shortMark(text.strip());
                return true;
            }
            return false;
        }, false);
        if (reveal[0] > 0) {
            warnings.add(DeckWarning.of("revealjs", file, reveal[0], mark[0], "this looks like a reveal.js Markdown deck ("
                    + mark[0] + "); Afstemning reads Marp decks: slides split at ---, but '--' (vertical slides) and "
                    + "'Note:' lines are shown as text; write speaker notes as <!-- comments -->"));
        } else if (slides == 1 && !marp && headings(deck) >= 2) {
            warnings.add(DeckWarning.of("one-slide", file, deck.bodyStart() + 1, "---", "no '---' line splits this "
                    + "Markdown file into slides, so it is one slide; Afstemning reads Marp decks: put a line of --- "
                    + "between slides"));
        }
        return warnings;
    }

    /** A quoted line in a warning: whole up to 24 characters, else cut after a whole word with an ellipsis. */
    static String shortMark(String text) {
        if (text.length() <= 24) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 24);
        return (cut > 8 ? text.substring(0, cut) : text.substring(0, 24)).stripTrailing() + "…";
    }

    /**
     * Calls {@code visit} with each body line outside fenced code; unless {@code comments}, lines inside a multi-line
     * HTML comment are skipped (its first line is visited).
     */
    private static void forEachBodyLine(Lines deck, LineVisitor visit, boolean comments) {
        String fence = null;
        boolean inComment = false;
        for (int i = deck.bodyStart(); i < deck.lines().size(); i++) {
            String text = deck.lines().get(i);
            if (inComment) {
                inComment = !text.contains("-->");
                continue;
            }
            Matcher m = CODE_FENCE.matcher(text);
            if (fence == null && m.matches()) {
                fence = m.group(1);
                continue;
            }
            if (fence != null) {
                String closing = text.strip();
                char mark = fence.charAt(0);
                if (closing.length() >= fence.length() && closing.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                continue;
            }
            inComment = !comments && text.lastIndexOf("<!--") > text.lastIndexOf("-->");
            if (visit.line(i + 1, text)) {
                return;
            }
        }
    }

    /**
     * True when the lines from index {@code from} are {@code key: value} lines closed by a {@code ---} line: Slidev's
     * per-slide front matter ({@code layout: center}, {@code class: text-center}), which Marp shows as a heading.
     */
    private static boolean slideFrontMatter(Lines deck, int from) {
        int i = from;
        while (i < deck.lines().size() && KEY.matcher(deck.lines().get(i)).matches()
                && !deck.lines().get(i).contains("://")) {
            i++;
        }
        return i > from && i < deck.lines().size() && deck.lines().get(i).strip().equals("---");
    }

    /** Headings of levels 1 and 2 outside code: a document of sections, where a deck would have slides. */
    private static int headings(Lines deck) {
        int[] count = {0};
        forEachBodyLine(deck, (line, text) -> {
            if (SECTION.matcher(text).find()) {
                count[0]++;
            }
            return false;
        }, false);
        return count[0];
    }

    @FunctionalInterface
    private interface LineVisitor {
        /** @return true to stop */
        boolean line(int line, String text);
    }

    private static DeckFormatException slidev(String file, int line, String mark) {
        return new DeckFormatException("slidev", DeckProblem.of(file, line, "format_slidev", mark));
    }

    private static DeckFormatException quarto(String file, int line, String mark) {
        return new DeckFormatException("quarto", DeckProblem.of(file, line, "format_quarto", mark));
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
