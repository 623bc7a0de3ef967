package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Both languages are complete: every English message has a Danish translation and vice versa, and no template or page
 * script carries user-visible text of its own (it all comes from the bundle: templates through {@code {msg:…}},
 * scripts through the page's {@code data-msg-*} attributes).
 */
class MessageBundleTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    static final Path SCRIPTS = Path.of("src", "main", "resources", "META-INF", "resources", "js");

    /** Attributes whose text a visitor sees or hears. */
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern
            .compile("\\s(aria-label|title|placeholder|alt|value|data-msg-[a-z-]+)=\"([^\"]*)\"");
    /** A Qute expression, section tag or comment (innermost first, so nested braces go too). */
    private static final Pattern QUTE = Pattern.compile("\\{![\\s\\S]*?!\\}|\\{[^{}]*\\}");
    /** A string literal in a script: '…', "…" or `…` without interpolation. */
    private static final Pattern JS_STRING = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`([^`$]*)`");
    /** Words of a sentence: a capital letter, then at least two words. */
    private static final Pattern SENTENCE = Pattern.compile("^\\p{Lu}\\p{Ll}+(\\s+\\p{L}+)+[.!?…:]?$");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

    @Test
    void danishBundleHasExactlyTheKeysOfTheEnglishOne() throws Exception {
        Set<String> english = Arrays.stream(AppMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties danish = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_da.properties")) {
            danish.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(new TreeSet<>(danish.stringPropertyNames())).isEqualTo(english);
        assertThat(danish.getProperty("vote_received")).isEqualTo("Din stemme er modtaget");
    }

    @Test
    void templatesShowNoTextOutsideTheBundle() {
        List<String> found = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            String html = read(file);
            Matcher attribute = VISIBLE_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                String literal = withoutQute(attribute.group(2));
                String tag = html.substring(html.lastIndexOf('<', attribute.start()), attribute.start());
                // A select option's or hidden field's value is sent, never shown.
                boolean sentOnly = attribute.group(1).equals("value")
                        && (tag.startsWith("<option") || tag.contains("type=\"hidden\""));
                if (!sentOnly && LETTERS.matcher(literal).find()) {
                    found.add(file.getFileName() + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
            // The blocks that fill the base template's attributes and head hold markup, not text.
            String shown = html.replaceAll("\\{#(bodyClass|bodyData|head)\\}[\\s\\S]*?\\{/\\1\\}", " ");
            String text = withoutQute(shown).replaceAll("<(script|style)[\\s\\S]*?</\\1>", " ").replaceAll("<[^>]*>", " ");
            Matcher words = LETTERS.matcher(text);
            while (words.find()) {
                found.add(file.getFileName() + ": text \"" + words.group() + "\"");
            }
        }
        assertThat(found).as("user-visible text written into templates instead of {msg:…}").isEmpty();
    }

    @Test
    void scriptsTakeTheirTextFromThePage() {
        List<String> found = new ArrayList<>();
        for (Path file : files(SCRIPTS, ".js")) {
            String code = read(file).replaceAll("(?m)^\\s*//.*$", "");
            Matcher literal = JS_STRING.matcher(code);
            while (literal.find()) {
                String value = Stream.of(literal.group(1), literal.group(2), literal.group(3))
                        .filter(v -> v != null).findFirst().orElse("");
                if (SENTENCE.matcher(value.strip()).matches()) {
                    found.add(file.getFileName() + ": " + literal.group());
                }
            }
            Matcher assigned = Pattern.compile("\\.(textContent|innerText|title|placeholder)\\s*=\\s*['\"`]([^'\"`]*)")
                    .matcher(code);
            while (assigned.find()) {
                if (LETTERS.matcher(assigned.group(2)).find()) {
                    found.add(file.getFileName() + ": " + assigned.group());
                }
            }
        }
        assertThat(found).as("user-visible text in scripts instead of the page's data-msg-* attributes").isEmpty();
    }

    private static String withoutQute(String text) {
        String previous;
        do {
            previous = text;
            text = QUTE.matcher(text).replaceAll(" ");
        } while (!text.equals(previous));
        return text;
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
