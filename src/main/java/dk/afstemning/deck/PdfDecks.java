package dk.afstemning.deck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.DeckPage;

/**
 * PDF decks as {@link Deck}s: one slide per page, whose HTML is the page's image (its text as alt text) and whose title
 * is the page's first line of text. The deck's own settings are kept as a manifest, a Markdown front matter with
 * {@code title} and {@code lang}, in the deck's {@code markdown} column.
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

    /** The manifest with a page slide per page holding its title and notes (a PowerPoint deck's); see {@link PageManifest}. */
    static String pptxManifest(String title, String language, List<PageManifest.PageSlide> pages) {
        return PageManifest.write(manifest(title, language), pages);
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

    /** The stored PDF deck with its pages, as slides. */
    static Deck deck(DeckEntity entity, List<DeckPage> pages) {
        Map<?, ?> front = front(entity.markdown);
        String title = front.get("title") instanceof String t && !t.isBlank() ? t : entity.name;
        String language = "da".equals(front.get("lang")) ? "da" : "en";
        Map<Integer, PageManifest.PageSlide> manifest = PageManifest.read(entity.markdown);
        PageManifest.PageSlide none = new PageManifest.PageSlide(null, null);
        List<DeckSlide> slides = pages.stream().map(p -> {
            PageManifest.PageSlide said = manifest.getOrDefault(p.position, none);
            return new DeckSlide(p.position, p.position, said.title() != null ? said.title() : PageText.title(p.text),
                    html(p.position, p.text, p.imageHash, p.width, p.height), said.notes(), null);
        }).toList();
        return new Deck(entity.name, title, null, null, null, language, "off", true, slides);
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
