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
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The one test of the message bundles ({@code msg}, {@code qa}, {@code rep} and any added later). Both languages are
 * complete: in every bundle each English message has a Danish translation and vice versa; every refusal a phone can
 * cause has its text on the page; and no template or page script carries user-visible text of its own (it all comes
 * from the bundles: templates through {@code {msg:…}}, scripts through the page's {@code data-msg-*} attributes).
 */
class MessageBundleTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    static final Path SCRIPTS = Path.of("src", "main", "resources", "META-INF", "resources", "js");
    static final Path SOURCES = Path.of("src", "main", "java");
    static final Path MESSAGES = Path.of("src", "main", "resources", "messages");

    /** Per bundle name, one key and its Danish text, to show that the right file is read. */
    private static final Map<String, String[]> DANISH_SAMPLES = Map.of(
            "msg", new String[] {"vote_received", "Din stemme er modtaget"},
            "qa", new String[] {"upvote", "Støt"},
            "rep", new String[] {"pooled", "Alle oplæg (samlet)"},
            "ed", new String[] {"move_up", "Flyt op"},
            "acct", new String[] {"password_title", "Skift adgangskode"},
            "pres", new String[] {"my_talks_title", "Mine oplæg"},
            "deckin", new String[] {"image_button", "Tilføj billede"},
            "deckerr", new String[] {"block_no_id", "afstemningsblokken har intet 'id'"},
            "org", new String[] {"ci_short", "95 %-KI"});

    private static final Pattern REFUSAL = Pattern.compile("new ApiProblem\\((409|422), \"([a-z-]+)\"");
    private static final Pattern PROBLEM_TEXT = Pattern.compile("data-msg-([a-z-]+)=\"\\{msg:[a-z_]+\\}\"");
    /** 409s no participant input causes: a presenter command on the wrong poll type, a client reusing a request id. */
    private static final Set<String> NOT_FROM_PARTICIPANTS = Set.of("not-open-text", "request-id-reused");

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

    /**
     * Every message bundle of the app, found by its {@code @MessageBundle} annotation in the sources, so that a new
     * bundle is checked without being listed here.
     */
    static List<Class<?>> bundles() {
        List<Class<?>> bundles = new ArrayList<>();
        for (Path file : files(SOURCES, ".java")) {
            if (read(file).contains("@MessageBundle(")) {
                String name = SOURCES.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                try {
                    bundles.add(Class.forName(name.substring(0, name.length() - ".java".length())));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return bundles;
    }

    @Test
    void everyBundleIsCheckedAndEveryDanishFileBelongsToABundle() throws IOException {
        Set<String> names = bundles().stream().map(b -> b.getAnnotation(MessageBundle.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).containsAll(DANISH_SAMPLES.keySet());
        assertThat(bundles()).allSatisfy(b -> assertThat(b.getAnnotation(MessageBundle.class).locale())
                .as("%s: the interface holds the English texts", b.getSimpleName()).isEqualTo("en"));
        Set<String> danishFiles = files(MESSAGES, "_da.properties").stream()
                .map(p -> p.getFileName().toString().replace("_da.properties", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(danishFiles).isEqualTo(names);
        try (Stream<Path> all = Files.list(MESSAGES)) {
            assertThat(all.map(p -> p.getFileName().toString())).as("only Danish translations beside the interfaces")
                    .allMatch(n -> n.endsWith("_da.properties"));
        }
    }

    /** Per bundle, the Danish file has exactly the English interface's keys, and a known key has its Danish text. */
    @TestFactory
    Stream<DynamicTest> danishBundleHasExactlyTheKeysOfTheEnglishOne() {
        return bundles().stream().map(bundle -> DynamicTest.dynamicTest(bundle.getSimpleName(), () -> {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> english = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Properties danish = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/" + name + "_da.properties")) {
                assertThat(in).as("messages/%s_da.properties", name).isNotNull();
                danish.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(new TreeSet<>(danish.stringPropertyNames())).isEqualTo(english);
            String[] sample = DANISH_SAMPLES.get(name);
            assertThat(sample).as("a known Danish text of bundle %s", name).isNotNull();
            assertThat(danish.getProperty(sample[0])).isEqualTo(sample[1]);
        }));
    }

    /**
     * Every refusal a participant can cause by what they type or tap (a 409 or 422 problem of the answer, vote, Q&A
     * and participant code) has its own text in the page's language ({@code tags/problemTexts.html}), so a phone never
     * shows the generic "not accepted" for a refusal it could explain.
     */
    @Test
    void everyRefusalOfAParticipantsInputHasItsOwnTextOnThePage() throws IOException {
        Set<String> refusals = new TreeSet<>();
        // the poll types (and their answers), the vote store and writer, Q&A and participants
        for (String feature : new String[] {"answer", "polltype", "vote", "voting", "qa", "participant"}) {
            Path folder = SOURCES.resolve(Path.of("dk", "afstemning", feature));
            for (Path file : Files.isDirectory(folder) ? files(folder, ".java") : List.<Path>of()) {
                Matcher m = REFUSAL.matcher(read(file));
                while (m.find()) {
                    refusals.add(m.group(2));
                }
            }
        }
        refusals.removeAll(NOT_FROM_PARTICIPANTS);
        Set<String> texts = new TreeSet<>();
        Matcher m = PROBLEM_TEXT.matcher(read(TEMPLATES.resolve(Path.of("tags", "problemTexts.html"))));
        while (m.find()) {
            texts.add(m.group(1));
        }
        assertThat(refusals).as("refusals found in the code").contains("entry-too-long", "too-many-answers",
                "invalid-selection", "vote-final", "own-question");
        assertThat(texts).containsAll(refusals);
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
