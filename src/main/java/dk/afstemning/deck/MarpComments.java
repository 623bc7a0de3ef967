package dk.afstemning.deck;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which HTML comments of a Marp deck are speaker notes, by Marpit's rules (marp-core 5.0.2): a comment is read as YAML
 * (loosely for Marpit's own directives, so {@code header: ![](logo.png)} is a value), and when any of its keys is a
 * directive the whole comment is a directive, not a note; {@code <!--fit-->} inside a heading and the magic comments
 * of Prettier, markdownlint and remark-lint are not notes either. Everything else, {@code <!-- marp: true -->} and a
 * standalone {@code <!-- fit -->} included, is a note, as in Marp's presenter view.
 */
final class MarpComments {

    /** Marpit's comment: its content is the first such match, trimmed; whatever follows on the line is dropped. */
    static final Pattern COMMENT = Pattern.compile("<!--+\\s*([\\s\\S]*?)\\s*--+>");

    /** Global directives: Marpit's, marp-core's ({@code size}, {@code math}) and Marp CLI's metadata. */
    private static final Set<String> GLOBAL = Set.of("headingDivider", "lang", "style", "theme", "size", "math",
            "title", "description", "author", "image", "keywords", "url");
    /** Local directives, also as spot directives with {@code _}: Marpit's and Marp CLI's {@code transition}. */
    private static final Set<String> LOCAL = Set.of("backgroundColor", "backgroundImage", "backgroundPosition",
            "backgroundRepeat", "backgroundSize", "class", "color", "footer", "header", "paginate", "transition");
    /** The directives Marpit reads loosely (a value need not be valid YAML). */
    private static final List<String> LOOSE = List.of("headingDivider", "lang", "style", "theme", "backgroundColor",
            "backgroundImage", "backgroundPosition", "backgroundRepeat", "backgroundSize", "class", "color", "footer",
            "header", "paginate");
    private static final Pattern LOOSE_LINE;
    private static final String YAML_SPECIAL = "[\"'{|>~&*";
    private static final List<Pattern> MAGIC = List.of(Pattern.compile("prettier-ignore(-(start|end))?"),
            Pattern.compile("markdownlint-((disable|enable).*|capture|restore)"),
            Pattern.compile("lint (disable|enable|ignore).*"));

    static {
        StringBuilder keys = new StringBuilder();
        for (String key : LOOSE) {
            String k = "_?" + Pattern.quote(key);
            keys.append(keys.isEmpty() ? "" : "|").append(k).append("|\"").append(k).append("\"|'").append(k).append('\'');
        }
        LOOSE_LINE = Pattern.compile("^((?:" + keys + ")\\s*:)(.+)$");
    }

    private MarpComments() {
    }

    /**
     * The content of a comment written {@code <!-- ... -->} (leading and trailing white space trimmed), "" for one
     * never closed (it hides the rest of the deck, as in Marp), or null when {@code html} does not start with one.
     */
    static String content(String html) {
        if (!html.startsWith("<!--")) {
            return null;
        }
        Matcher m = COMMENT.matcher(html);
        return m.find() ? jsTrim(m.group(1)) : "";
    }

    /** Whether a comment with this content is a speaker note; {@code inHeading}: written inside a heading. */
    static boolean isNote(String content, boolean inHeading) {
        if (inHeading && content.equals("fit")) {
            return false;
        }
        if (MAGIC.stream().anyMatch(p -> p.matcher(content).matches())) {
            return false;
        }
        Map<String, Object> directives = directives(content);
        return directives == null || directives.keySet().stream().noneMatch(MarpComments::isDirective);
    }

    private static boolean isDirective(String key) {
        return GLOBAL.contains(key) || LOCAL.contains(key) || key.startsWith("_") && LOCAL.contains(key.substring(1));
    }

    /** The comment's content as Marpit reads directives from it, or null when it is no YAML mapping. */
    static Map<String, Object> directives(String content) {
        StringBuilder normal = new StringBuilder();
        for (String line : content.split("\r?\n", -1)) {
            Matcher m = LOOSE_LINE.matcher(line);
            if (m.matches()) {
                String value = m.group(2);
                String trimmed = value.strip();
                if (!trimmed.isEmpty() && YAML_SPECIAL.indexOf(trimmed.charAt(0)) < 0) {
                    String spaces = value.substring(0, value.length() - value.stripLeading().length());
                    line = m.group(1) + spaces + "\"" + trimmed.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                }
            }
            normal.append(line).append('\n');
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        try {
            Object loaded = new Yaml(options).load(normal.toString().strip());
            if (loaded instanceof Map<?, ?> map) {
                Map<String, Object> result = new java.util.HashMap<>();
                map.forEach((k, v) -> result.put(String.valueOf(k), v));
                return result;
            }
        } catch (YAMLException | ClassCastException e) {
            // not YAML: a note
        }
        return null;
    }

    /** JavaScript's {@code String.trim()}: strips white space including no-break spaces and the byte order mark. */
    static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJsSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
