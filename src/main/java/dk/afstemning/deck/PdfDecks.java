package dk.afstemning.deck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.DeckPage;

/**
 * PDF decks as {@link Deck}s: one slide per page, whose HTML is the page's image (its text as alt text) and whose title
 * is the page's first line of text. The deck's manifest, in its {@code markdown} column, is Markdown: a front matter
 * with {@code title} and {@code lang}, then one slide per page ({@code <!-- page: N -->} and its notes comment) and
 * the poll slides between them, {@code ---} between slides (README "The deck editor").
 */
final class PdfDecks {

    /** Where page images and thumbnails are served, followed by their SHA-256; see {@code web/DeckImageResource}. */
    static final String IMAGES = "/deck-images/";

    private PdfDecks() {
    }

    /** The deck's manifest: a front matter that names its title and language. */
    static String manifest(String title, String language) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", title);
        front.put("lang", language);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "---\n" + new Yaml(options).dump(front) + "---\n";
    }

    /**
     * What a manifest says of one page: its slide's title (a PowerPoint title placeholder's) and speaker notes.
     *
     * @param title the slide's title, or null for the page's first line of text
     * @param notes the speaker notes, or null
     */
    record PageSlide(String title, String notes) {
    }

    /** The title of an uploaded PDF: the first line of text of its first page, else its file name without .pdf. */
    static String title(PdfRenderer.RenderedPdf pdf) {
        String first = PageText.title(pdf.pages().get(0).text());
        if (first != null) {
            return first;
        }
        String name = pdf.file().replaceFirst("(?i)\\.pdf$", "");
        return PageText.cut(name.isBlank() ? pdf.file() : name, PageText.MAX_TITLE);
    }

    /** {@code da} when the first language of an {@code Accept-Language} header is Danish, else {@code en}. */
    static String language(String acceptLanguage) {
        String first = acceptLanguage == null ? "" : acceptLanguage.strip().toLowerCase(Locale.ROOT);
        return first.startsWith("da") ? "da" : "en";
    }

    /** The stored PDF deck with its pages, as its manifest says; see {@link #deck(DeckParser, String, String, List)}. */
    static Deck deck(DeckParser parser, DeckEntity entity, List<DeckPage> pages) {
        return deck(parser, entity.name, entity.markdown, pages);
    }

    /**
     * A PDF deck's slides from its manifest: a slide {@code <!-- page: N -->} (with its notes comment) is page N's
     * image; any other slide, such as a poll slide, is read as Markdown. A manifest of front matter only means every
     * page, in order.
     *
     * @throws DeckException when the manifest is malformed or names a page the PDF does not have
     */
    static Deck deck(DeckParser parser, String name, String manifest, List<DeckPage> pages) {
        String text = isFrontMatterOnly(manifest) ? explicit(manifest, pages.size()) : manifest;
        Deck parsed = parser.parse(name, text);
        List<DeckSlide> slides = new ArrayList<>();
        // Every slide naming a page the PDF lacks is listed, not only the first.
        DeckProblems problems = new DeckProblems();
        for (DeckSlide s : parsed.slides()) {
            int page = page(s.notes());
            if (page == 0) {
                slides.add(s);
                continue;
            }
            if (page > pages.size()) {
                problems.add(DeckException.of(name, s.line(), "pdf_page_missing", page, pages.size()));
                continue;
            }
            DeckPage p = pages.get(page - 1);
            // A page slide's own heading (# Title, as a PowerPoint deck's manifest has) wins over the page's text.
            String title = s.title() != null ? s.title() : PageText.title(p.text);
            slides.add(new DeckSlide(s.number(), s.line(), title,
                    html(p.position, p.text, p.imageHash, p.width, p.height), notes(s.notes()), s.poll()));
        }
        problems.throwIfAny();
        Map<?, ?> front = front(manifest);
        String title = front.get("title") instanceof String t && !t.isBlank() ? t : name;
        return new Deck(name, title, parsed.speaker(), parsed.organisation(), parsed.date(), parsed.language(),
                parsed.qa(), parsed.profanityFilter(), parsed.reactions(), List.copyOf(slides), parsed.phoneResults(),
                parsed.accent(), parsed.profanityWords(), parsed.profanityAllow());
    }

    private static final Pattern PAGE = Pattern.compile("(?s)page:\\s*(\\d{1,6})(?:\\s*\\n\\n(.*))?");

    /** The comment that makes a manifest slide a page, as the deck parser reads it among the slide's notes. */
    static final Pattern PAGE_COMMENT = Pattern.compile("page:\\s*\\d{1,6}");

    /** The page a manifest slide shows, from its first note {@code page: N}; 0 for a slide of its own. */
    static int page(String notes) {
        Matcher m = notes == null ? null : PAGE.matcher(notes);
        return m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A page slide's speaker notes: its notes after {@code page: N}, or null. */
    static String notes(String notes) {
        Matcher m = notes == null ? null : PAGE.matcher(notes);
        if (m == null || !m.matches()) {
            return notes;
        }
        return m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
    }

    /** True for a manifest of front matter only (decks uploaded before the editor): every page, in order. */
    static boolean isFrontMatterOnly(String manifest) {
        if (manifest == null || !manifest.startsWith("---\n")) {
            return manifest == null || manifest.isBlank();
        }
        int end = manifest.indexOf("\n---", 3);
        return end < 0 || manifest.substring(end + 4).isBlank();
    }

    /**
     * The manifest with one slide per page: its front matter, then {@code <!-- page: N -->} and the page's notes
     * comment for every page, {@code ---} between them.
     *
     * @param notes the notes of each page in order (null or blank: none); its size is the page count
     */
    public static String manifest(String title, String language, List<String> notes) {
        return pagesManifest(title, language, notes.stream().map(n -> new PageSlide(null, n)).toList());
    }

    /**
     * The manifest with one slide per page, each with its title as a heading ({@code # Title}) when it has one and its
     * notes comment (a PowerPoint deck's).
     */
    static String pagesManifest(String title, String language, List<PageSlide> pages) {
        StringBuilder out = new StringBuilder(manifest(title, language));
        for (int i = 0; i < pages.size(); i++) {
            PageSlide page = pages.get(i);
            out.append(i == 0 ? "\n" : DeckSource.SEPARATOR).append(pageSlide(i + 1, page.title(), page.notes()));
        }
        return out.toString();
    }

    /** A manifest of front matter only, written out with every page. */
    static String explicit(String manifest, int pages) {
        String front = manifest == null || manifest.isBlank() ? "" : manifest.stripTrailing() + "\n";
        StringBuilder out = new StringBuilder(front);
        for (int i = 1; i <= pages; i++) {
            out.append(i == 1 ? "\n" : DeckSource.SEPARATOR).append(pageSlide(i, null, null));
        }
        return out.toString();
    }

    private static String pageSlide(int page, String title, String notes) {
        String heading = title == null || title.isBlank() ? "" : "\n# " + title.replaceAll("\\s+", " ").strip() + "\n";
        String comment = notes == null || notes.isBlank() ? "" : DeckSource.comment(notes) + "\n";
        return "<!-- page: " + page + " -->\n" + comment + heading;
    }

    /** The slide of one page: its image, scaled by the screen's CSS, with the page's text as alt text. */
    static String html(int number, String text, String imageHash, int width, int height) {
        return "<img class=\"pdf-page\" src=\"" + IMAGES + imageHash + "\" width=\"" + width + "\" height=\"" + height
                + "\" alt=\"" + escape(PageText.alt(text, "Page " + number)) + "\">";
    }

    private static Map<?, ?> front(String manifest) {
        if (manifest == null || !manifest.startsWith("---\n")) {
            return Map.of();
        }
        int end = manifest.indexOf("\n---", 3);
        Object loaded = new Yaml(new LoaderOptions()).load(manifest.substring(4, end < 0 ? manifest.length() : end));
        return loaded instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
