package dk.afstemning.deck;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import dk.afstemning.polltype.PollTypes;
import dk.afstemning.text.ControlChars;
import dk.afstemning.text.Graphemes;

/**
 * Parses a Marp-compatible Markdown deck: optional YAML front matter between {@code ---} lines at the top, slides
 * separated by lines holding only {@code ---}, GitHub tables, {@code <!-- -->} comments as speaker notes and fenced
 * {@code poll} blocks, and Marp's {@code headingDivider}. Raw HTML is sanitised with jsoup: formatting stays, anything
 * that could run is dropped. A malformed deck is one {@link DeckException} listing every fault found (per front
 * matter key, slide and poll block), each naming file and line.
 */
@ApplicationScoped
public class DeckParser {

    /** Most slides a deck may have (README "Abuse limits"). */
    public static final int MAX_SLIDES = 300;

    /** Most polls a deck may have (README "Abuse limits"). */
    public static final int MAX_POLLS = 100;

    /** Most characters of a deck's or a slide's title (front matter {@code title}; longer headings are cut). */
    public static final int MAX_TITLE = 300;

    /** Most characters of the front matter's {@code speaker} and {@code organisation}. */
    public static final int MAX_NAME = 200;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2})?");
    /** A front matter fence: three dashes or more; the closing one at least as long as the opening one (as Marp). */
    private static final Pattern FRONT_FENCE = Pattern.compile("-{3,}");
    private static final Pattern LOOSE_KEY = Pattern.compile("^([A-Za-z_-]+)\\s*:\\s*(.*)$");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern STYLE_BLOCK = Pattern.compile("(?is)<style(?:\\s[^>]*)?>.*?</style\\s*>");
    /**
     * A Marp directive comment such as {@code <!-- _class: lead -->}, by its first key: the approximation kept for
     * callers that only need to spare directives (deck/MarpSource on branch marp-render). Which comments are notes is
     * decided by {@link MarpComments#isNote}, as Marp decides it.
     */
    static final Pattern MARP_DIRECTIVE = Pattern.compile("(?s)_?(theme|paginate|header|footer|class|"
            + "backgroundColor|backgroundImage|backgroundPosition|backgroundRepeat|backgroundSize|color|headingDivider|size|"
            + "style|math|title|description|author|image|keywords|url|marp|lang|transition)\\s*:.*|fit");

    @Inject
    PollTypes types;

    /** GitHub tables, {@code ~~strikethrough~~} (two tildes, as markdown-it) and {@code $$} math, as marp-core has them. */
    private final List<Extension> extensions = List.of(TablesExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build(), MarpMath.create());
    private final Parser parser = Parser.builder().extensions(extensions)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Safelist SAFELIST = Safelist.relaxed().addTags("del").addAttributes("th", "align").addAttributes("code", "class")
            .addAttributes("td", "align").preserveRelativeLinks(true);

    DeckParser() {
    }

    /** A parser outside CDI (tests), with these poll types. */
    public DeckParser(PollTypes types) {
        this.types = types;
    }

    /**
     * @param file the deck's file name, for messages
     * @param markdown the whole deck
     * @return the deck
     * @throws DeckException listing every fault, each naming file and 1-based line, when the deck is malformed
     */
    /** The 1-based line of {@code text} holding the character at {@code index}. */
    public static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public Deck parse(String file, String markdown) {
        return parse(file, markdown, (String) null);
    }

    /**
     * Like {@link #parse(String, String)}, with image paths relative to the deck (such as {@code img/chart.png})
     * rewritten to start with {@code assetBase}, e.g. {@code /slides/}; null leaves them as written.
     */
    public Deck parse(String file, String markdown, String assetBase) {
        return parse(file, markdown, assetBase == null ? null : DeckAssets.folder(assetBase));
    }

    /**
     * Like {@link #parse(String, String)}, with each image path relative to the deck given to {@code assets}: the URL
     * it answers is used instead, null leaves the path as written (see {@link DeckAssets}).
     */
    public Deck parse(String file, String markdown, java.util.function.UnaryOperator<String> assets) {
        int control = ControlChars.first(markdown);
        if (control >= 0) {
            // PostgreSQL cannot store U+0000, and no other control character belongs in a deck.
            throw DeckException.of(file, lineOf(markdown, control), "control_char", ControlChars.name(markdown, control));
        }
        HtmlRenderer renderer = renderer(assets);
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int bodyStart = 0;
        Map<String, Object> front = Map.of();
        Map<String, Integer> keyLines = new java.util.HashMap<>();
        if (!lines.isEmpty() && FRONT_FENCE.matcher(lines.get(0).strip()).matches()) {
            int fence = lines.get(0).strip().length();
            int end = -1;
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (FRONT_FENCE.matcher(l).matches() && l.length() >= fence || l.equals("...")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw DeckException.of(file, 1, "front_matter_unclosed");
            }
            front = frontMatter(file, String.join("\n", lines.subList(1, end)));
            for (int i = 1; i < end; i++) {
                var key = java.util.regex.Pattern.compile("^([A-Za-z_-]+)\\s*:").matcher(lines.get(i));
                if (key.find()) {
                    keyLines.putIfAbsent(key.group(1), i + 1);
                }
            }
            bodyStart = end + 1;
        }
        // Every fault is noted and the parser goes on with a harmless value, so the organiser sees them all at once.
        DeckProblems problems = new DeckProblems();
        Map<String, Object> fm = front;
        List<DeckSlide> slides = slides(renderer, file, lines, bodyStart, headingDivider(front), problems);
        if (String.join("\n", lines.subList(bodyStart, lines.size())).isBlank()) {
            problems.add(DeckException.of(file, Math.max(1, bodyStart), "no_slides"));
        }
        checkUniquePollIds(file, slides, problems);
        checkSize(file, slides);
        String title = problems.read(() -> limited(file, fm, keyLines, "title", MAX_TITLE), null);
        if (title == null) {
            title = slides.stream().map(DeckSlide::title).filter(t -> t != null).findFirst().orElse(file);
        }
        String language = problems.read(() -> string(file, fm, keyLines, "lang"), null);
        if (language == null) {
            language = problems.read(() -> string(file, fm, keyLines, "language"), null);
        }
        if (language == null) {
            language = "en";
        } else if (!LANGUAGE.matcher(language).matches()) {
            problems.add(DeckException.of(file, keyLines.getOrDefault("lang", keyLines.getOrDefault("language", 1)),
                    "front_lang"));
            language = "en";
        }
        Deck deck = new Deck(file, title, problems.read(() -> limited(file, fm, keyLines, "speaker", MAX_NAME), null),
                problems.read(() -> limited(file, fm, keyLines, "organisation", MAX_NAME), null),
                date(file, front, keyLines), language.substring(0, 2), problems.read(() -> qa(file, fm, keyLines), "off"),
                problems.read(() -> flag(file, fm, keyLines, "profanity-filter", true), true),
                problems.read(() -> onOff(file, fm, keyLines, "reactions", true), true),
                List.copyOf(slides), problems.read(() -> phoneResults(file, fm, keyLines), "after-vote"),
                problems.read(() -> accent(file, fm, keyLines), null),
                problems.read(() -> words(file, fm, keyLines, "profanity-words"), List.of()),
                problems.read(() -> words(file, fm, keyLines, "profanity-allow"), List.of()));
        problems.throwIfAny();
        return deck;
    }

    /** Most words a deck's {@code profanity-words} or {@code profanity-allow} may list. */
    static final int MAX_DECK_WORDS = 200;
    /** Longest word or phrase there, in characters (graphemes). */
    static final int MAX_DECK_WORD = 50;

    /**
     * Front matter {@code profanity-words} or {@code profanity-allow}: a YAML list of words and phrases, or one text
     * of them separated by commas; each holds a word, is at most {@value #MAX_DECK_WORD} characters, and there are at
     * most {@value #MAX_DECK_WORDS}.
     */
    private static List<String> words(String file, Map<String, Object> front, Map<String, Integer> keyLines,
            String key) {
        Object value = front.get(key);
        if (value == null) {
            return List.of();
        }
        int line = keyLines.getOrDefault(key, 1);
        List<?> items;
        if (value instanceof List<?> list) {
            items = list;
        } else if (value instanceof Map) {
            throw DeckException.of(file, line, "front_words_list", key);
        } else {
            items = List.of(value.toString().split(","));
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw DeckException.of(file, line, "front_words_list", key);
            }
            String word = item.toString().strip();
            if (word.isEmpty()) {
                continue;
            }
            if (dk.afstemning.text.ProfanityFilter.normalised(word).isEmpty()) {
                throw DeckException.of(file, line, "front_word_no_letters", key, word);
            }
            if (dk.afstemning.text.Graphemes.count(word) > MAX_DECK_WORD || word.length() > 4 * MAX_DECK_WORD) {
                throw DeckException.of(file, line, "front_word_too_long", key, MAX_DECK_WORD);
            }
            out.add(word);
        }
        if (out.size() > MAX_DECK_WORDS) {
            throw DeckException.of(file, line, "front_words_too_many", key, out.size(), MAX_DECK_WORDS);
        }
        return List.copyOf(out);
    }

    /** Front matter {@code phone-results}: after-vote (default), after-close or never. */
    private static String phoneResults(String file, Map<String, Object> front, Map<String, Integer> keyLines) {
        Object value = front.get("phone-results");
        if (value == null) {
            return "after-vote";
        }
        String s = value.toString().strip();
        if (!List.of(PollBlockParser.PHONE_RESULTS).contains(s)) {
            throw DeckException.of(file, keyLines.getOrDefault("phone-results", 1), "front_one_of", "phone-results",
                    String.join(", ", PollBlockParser.PHONE_RESULTS), s);
        }
        return s;
    }

    private static final Pattern ACCENT = Pattern.compile("#[0-9a-fA-F]{6}");

    /** The deck's accent colour on the audience screen ({@code accent: "#0047a0"}), or null for the default. */
    private static String accent(String file, Map<String, Object> front, Map<String, Integer> keyLines) {
        String value = string(file, front, keyLines, "accent");
        // accent: #0047a0 unquoted is YAML's "accent:" and a comment: no value, refused like a wrong one.
        if (value == null && front.containsKey("accent") || value != null && !ACCENT.matcher(value).matches()) {
            throw DeckException.of(file, keyLines.getOrDefault("accent", 1), "front_accent");
        }
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    /** Front matter {@code qa}: off (default), on or moderated; YAML's true/false/yes/no/on/off are on and off. */
    private static String qa(String file, Map<String, Object> front, Map<String, Integer> keyLines) {
        Object value = front.get("qa");
        if (value == null) {
            return "off";
        }
        String s = value instanceof Boolean b ? (b ? "on" : "off") : value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "on", "true", "yes", "open":
                return "on";
            case "off", "false", "no":
                return "off";
            case "moderated":
                return "moderated";
            default:
                throw DeckException.of(file, keyLines.getOrDefault("qa", 1), "front_qa");
        }
    }

    /** A front matter switch such as {@code reactions}: on or off (YAML's true/false/yes/no too); absent: {@code absent}. */
    private static boolean onOff(String file, Map<String, Object> front, Map<String, Integer> keyLines, String key,
            boolean absent) {
        return flag(file, front, keyLines, key, absent, Set.of("on", "true", "yes"), Set.of("off", "false", "no"),
                "front_on_off");
    }

    private static boolean flag(String file, Map<String, Object> front, Map<String, Integer> keyLines, String key,
            boolean absent) {
        return flag(file, front, keyLines, key, absent, Set.of("true"), Set.of("false"), "front_true_false");
    }

    /** A YAML boolean, or a word of {@code on} or {@code off}; anything else is the error of message key {@code error}. */
    private static boolean flag(String file, Map<String, Object> front, Map<String, Integer> keyLines, String key,
            boolean absent, Set<String> on, Set<String> off, String error) {
        Object value = front.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (on.contains(s) || off.contains(s)) {
            return on.contains(s);
        }
        throw DeckException.of(file, keyLines.getOrDefault(key, 1), error, key);
    }

    /**
     * Splits the body where Marp does: at every top-level thematic break ({@code ---}, {@code ***}, {@code ___},
     * {@code - - -}, longer dash lines; not a setext heading's underline, nor dashes inside a fence or a multi-line HTML
     * comment) and, with {@code headingDivider}, before headings of its levels when the slide so far holds more than
     * comments. The blocks are commonmark-java's, as Marp's are markdown-it's.
     */
    private List<DeckSlide> slides(HtmlRenderer renderer, String file, List<String> lines, int bodyStart,
            Set<Integer> frontDividerLevels, DeckProblems problems) {
        Node body = parser.parse(String.join("\n", lines.subList(bodyStart, lines.size())));
        checkFencesClosed(file, body, bodyStart, problems);
        Set<Integer> dividerLevels = commentDivider(body, frontDividerLevels);
        List<DeckSlide> slides = new ArrayList<>();
        int start = bodyStart;
        // Marpit's heading divider splits before a heading once the deck so far holds anything shown, a separator
        // included: "---" right before "## B" gives an empty slide between them, as in Marp.
        boolean shownSoFar = false;
        for (Node block = body.getFirstChild(); block != null; block = block.getNext()) {
            int line = bodyStart + block.getSourceSpans().get(0).getLineIndex();
            boolean divider = block instanceof ThematicBreak;
            boolean heading = block instanceof Heading h && dividerLevels.contains(h.getLevel()) && shownSoFar;
            if (divider || heading) {
                addSlide(renderer, file, slides, lines, start, line, problems);
                start = heading ? line : line + 1;
            }
            shownSoFar |= shown(block, lines, bodyStart);
        }
        addSlide(renderer, file, slides, lines, start, lines.size(), problems);
        return slides;
    }

    /**
     * Whether Marp shows something of a top-level block: not an HTML block of comments (notes and directives) or of a
     * {@code <style>} (Marpit's hidden tokens), nor a link reference definition (markdown-it makes no token of it).
     */
    private static boolean shown(Node block, List<String> lines, int bodyStart) {
        if (block instanceof LinkReferenceDefinition) {
            return false;
        }
        if (!(block instanceof HtmlBlock)) {
            return true;
        }
        var spans = block.getSourceSpans();
        String text = String.join("\n", lines.subList(bodyStart + spans.get(0).getLineIndex(),
                bodyStart + spans.get(spans.size() - 1).getLineIndex() + 1));
        String rest = STYLE_BLOCK.matcher(COMMENT.matcher(text).replaceAll("")).replaceAll("");
        return !rest.isBlank();
    }

    /** Adds the slide of lines {@code from} to {@code to}; an empty one too, as Marp keeps it (a trailing {@code ---}). */
    private void addSlide(HtmlRenderer renderer, String file, List<DeckSlide> slides, List<String> lines, int from, int to,
            DeckProblems problems) {
        slides.add(slide(renderer, file, slides.size() + 1, from + 1, String.join("\n", lines.subList(from, to)),
                problems));
    }

    private static void checkFencesClosed(String file, Node body, int bodyStart, DeckProblems problems) {
        body.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getClosingFenceLength() == null) {
                    problems.add(DeckException.of(file, bodyStart + block.getSourceSpans().get(0).getLineIndex() + 1,
                            "fence_unclosed"));
                }
            }
        });
    }

    /** Marp's global {@code headingDivider} directive from the deck's last comment naming it, else from front matter. */
    private static Set<Integer> commentDivider(Node body, Set<Integer> front) {
        Set<Integer> levels = front;
        for (Node block = body.getFirstChild(); block != null; block = block.getNext()) {
            String content = block instanceof HtmlBlock html ? MarpComments.content(html.getLiteral()) : null;
            Map<String, Object> directives = content == null ? null : MarpComments.directives(content);
            if (directives != null && directives.containsKey("headingDivider")) {
                levels = headingDivider(frontMatter("", "headingDivider: " + directives.get("headingDivider")));
            }
        }
        return levels;
    }

    /** One slide; a fault of its poll block is noted in {@code problems} and the slide has no poll then. */
    private DeckSlide slide(HtmlRenderer renderer, String file, int number, int firstLine, String markdown,
            DeckProblems problems) {
        Node document = parser.parse(markdown);
        List<PollSpec> polls = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String[] title = {null};
        List<Node> remove = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if ("poll".equals(block.getInfo() == null ? null : block.getInfo().strip())) {
                    int fenceLine = firstLine + block.getSourceSpans().get(0).getLineIndex();
                    // An unclosed block runs to the end of the deck: its fault is noted (checkFencesClosed), its YAML not read.
                    PollSpec poll = block.getClosingFenceLength() == null ? null : problems.read(
                            () -> new PollBlockParser(file, fenceLine + 1, types).parse(block.getLiteral(), fenceLine), null);
                    polls.add(poll != null ? poll : new PollSpec(null, null, null, List.of(), fenceLine, null, null));
                    remove.add(block);
                }
            }

            @Override
            public void visit(HtmlBlock block) {
                // Marp hides the whole block of a comment, text after its --> on the closing line included.
                comment(block, block.getLiteral().strip(), false);
            }

            @Override
            public void visit(HtmlInline html) {
                // An inline note at the end of a text line is a note too, as in Marp.
                comment(html, html.getLiteral(), html.getParent() instanceof Heading);
            }

            /** A comment is a speaker note unless Marp reads it as a directive; either way it leaves the slide. */
            private void comment(Node node, String literal, boolean inHeading) {
                String content = MarpComments.content(literal);
                if (content != null) {
                    if (MarpComments.isNote(content, inHeading)) {
                        // --&gt; is how a note says --> without ending its comment (deck/DeckSource#comment).
                        notes.add(content.replace("--&gt;", "-->"));
                    }
                    remove.add(node);
                }
            }

            @Override
            public void visit(Text text) {
                text.setLiteral(MarpEmoji.replace(text.getLiteral()));
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                // The first heading with any text, as in Marp (an empty '#' line has none).
                if (title[0] == null && heading.getFirstChild() != null) {
                    title[0] = plainText(heading);
                }
            }
        });
        if (polls.size() > 1) {
            problems.add(DeckException.of(file, polls.get(1).line(), "slide_two_polls"));
        }
        PollSpec poll = polls.isEmpty() || polls.get(0).id() == null ? null : polls.get(0);
        remove.forEach(Node::unlink);
        // Marp joins a slide's notes with a blank line, empty comments included.
        String joined = String.join("\n\n", notes);
        return new DeckSlide(number, firstLine, title[0], sanitise(renderer.render(document)),
                joined.isEmpty() ? null : joined, poll);
    }

    private HtmlRenderer renderer(java.util.function.UnaryOperator<String> assets) {
        HtmlRenderer.Builder builder = HtmlRenderer.builder().extensions(extensions).sanitizeUrls(true);
        if (assets != null) {
            builder.attributeProviderFactory(context -> (node, tag, attributes) -> {
                String src = attributes.get("src");
                String url = node instanceof Image && src != null && !src.isEmpty() ? assets.apply(src) : null;
                if (url != null) {
                    attributes.put("src", url);
                }
            });
        }
        return builder.build();
    }

    /**
     * Keeps the formatting of raw HTML in a deck (Marp decks use {@code <div>}, {@code <br>}, {@code <span>}) and drops
     * everything that could run: scripts, styles, event handlers, {@code javascript:} URLs (jsoup's relaxed safelist).
     */
    private static String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "http://deck.invalid/", SAFELIST, output);
    }

    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(Image image) {
                // Marp's title has no image text ('# ![bg](x)' has the title "").
            }
        });
        return MarpComments.jsTrim(sb.toString());
    }

    /**
     * Refuses a deck with more than {@link #MAX_SLIDES} slides or {@link #MAX_POLLS} polls, naming the line of the first
     * one too many: every screen and phone reads the whole show, so a deck of thousands of polls would make the public
     * pages slow for everyone.
     */
    private static void checkSize(String file, List<DeckSlide> slides) {
        if (slides.size() > MAX_SLIDES) {
            throw tooLarge(DeckProblem.of(file, slides.get(MAX_SLIDES).line(), "too_many_slides", MAX_SLIDES,
                    slides.size()));
        }
        List<DeckSlide> polls = slides.stream().filter(s -> s.poll() != null).toList();
        if (polls.size() > MAX_POLLS) {
            throw tooLarge(DeckProblem.of(file, polls.get(MAX_POLLS).poll().line(), "too_many_polls", MAX_POLLS,
                    polls.size()));
        }
    }

    private static DeckException tooLarge(DeckProblem problem) {
        return new DeckException(List.of(problem), 0, true);
    }

    private static void checkUniquePollIds(String file, List<DeckSlide> slides, DeckProblems problems) {
        var seen = new java.util.HashSet<String>();
        for (DeckSlide slide : slides) {
            if (slide.poll() != null && !seen.add(slide.poll().id())) {
                problems.add(DeckException.of(file, slide.poll().line(), "poll_id_twice", slide.poll().id()));
            }
        }
    }

    /** Marp's {@code headingDivider}: a level N splits before headings of levels 1 to N; a list names the levels. */
    private static Set<Integer> headingDivider(Map<String, Object> front) {
        Object value = front.get("headingDivider");
        Set<Integer> levels = new HashSet<>();
        if (value instanceof Integer n) {
            for (int level = 1; level <= Math.min(n, 6); level++) {
                levels.add(level);
            }
        } else if (value instanceof List<?> list) {
            list.stream().filter(Integer.class::isInstance).map(Integer.class::cast).forEach(levels::add);
        }
        return levels;
    }

    /**
     * Front matter as YAML; when it is not valid YAML (Marp decks often hold values such as {@code header: ![](logo.png)}
     * that YAML reads as a tag), it is read loosely as {@code key: value} lines, as Marp does.
     */
    private static Map<String, Object> frontMatter(String file, String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        try {
            Object loaded = new Yaml(options).load(new StringReader(yaml));
            if (loaded == null) {
                return Map.of();
            }
            if (loaded instanceof Map<?, ?> map) {
                Map<String, Object> result = new java.util.HashMap<>();
                map.forEach((k, v) -> result.put(String.valueOf(k), v));
                return result;
            }
        } catch (YAMLException e) {
            // read loosely below
        }
        Map<String, Object> loose = new java.util.HashMap<>();
        for (String line : yaml.split("\n")) {
            var m = LOOSE_KEY.matcher(line);
            if (m.matches()) {
                String value = m.group(2).strip();
                Object parsed = unquote(value);
                if (value.matches("\\d+")) {
                    parsed = Integer.valueOf(value);
                } else if (value.matches("\\[\\s*\\d+(\\s*,\\s*\\d+)*\\s*]")) {
                    parsed = java.util.Arrays.stream(value.replaceAll("[\\[\\]\\s]", "").split(","))
                            .map(Integer::valueOf).toList();
                }
                loose.put(m.group(1), parsed);
            }
        }
        return loose;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** A front matter text stored in a column: at most {@code max} characters ({@link Graphemes#fits}). */
    private static String limited(String file, Map<String, Object> front, Map<String, Integer> keyLines, String key,
            int max) {
        String value = string(file, front, keyLines, key);
        if (!Graphemes.fits(value, max)) {
            throw DeckException.of(file, keyLines.getOrDefault(key, 1), "front_too_long", key, String.valueOf(max));
        }
        return value;
    }

    private static String string(String file, Map<String, Object> front, Map<String, Integer> keyLines, String key) {
        Object value = front.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw DeckException.of(file, keyLines.getOrDefault(key, 1), "front_single_value", key);
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(String file, Map<String, Object> front, Map<String, Integer> keyLines) {
        Object value = front.get("date");
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            // A free-text date (date: 26 June 2023, common in Marp decks) is ignored; DeckFormats warns of it.
            return null;
        }
    }
}
