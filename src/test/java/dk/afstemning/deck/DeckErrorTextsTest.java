package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;


/**
 * The deck errors' texts ({@link DeckErrorTexts}, bundle {@code deckerr}): every key has an English and a Danish text
 * holding only its own parameters, every key the parser and the poll types name exists, and no Danish rendering
 * carries the English reason (issue 19, item 2).
 */
class DeckErrorTextsTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z]+(?:_[a-z0-9]+)+)\"");
    /** Snake-case literals of those packages that are no message keys: SQL names, a kind of fault. */
    private static final Set<String> NOT_KEYS = Set.of("option_id", "option_text", "place_tally", "vote_tally",
            "too_long");

    private static List<Method> keys() {
        return Arrays.stream(DeckErrorTexts.class.getDeclaredMethods()).toList();
    }

    private static Object[] sampleArgs(Method key) {
        return Arrays.stream(key.getParameters()).map(p -> "‹" + p.getName() + "›").toArray();
    }

    @Test
    void everyKeyHasADanishTextThatDiffersFromTheEnglishAndHoldsOnlyItsParameters() {
        assertThat(keys()).hasSizeGreaterThan(80);
        for (Method key : keys()) {
            String danish = DeckProblem.Texts.DANISH.getProperty(key.getName());
            assertThat(danish).as("Danish text of %s", key.getName()).isNotBlank();
            Set<String> parameters = new TreeSet<>(Arrays.stream(key.getParameters()).map(Parameter::getName).toList());
            for (String text : List.of(DeckProblem.Texts.english(key.getName()), danish)) {
                Matcher m = DeckProblem.Texts.PLACEHOLDER.matcher(text);
                while (m.find()) {
                    assertThat(parameters).as("%s: %s", key.getName(), text).contains(m.group(1));
                }
                // Only {parameter}: no other Qute expression, so DeckProblem renders it as Qute would.
                assertThat(m.replaceAll("")).as(key.getName()).doesNotContain("{", "}");
            }
            String en = DeckProblem.say("en", key.getName(), sampleArgs(key));
            String da = DeckProblem.say("da", key.getName(), sampleArgs(key));
            assertThat(da).as(key.getName()).isNotEqualTo(en).doesNotContain(en);
        }
    }

    @Test
    void everyKeyTheParserAndThePollTypesNameHasItsTexts() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Path folder : List.of(Path.of("src/main/java/dk/afstemning/deck"),
                Path.of("src/main/java/dk/afstemning/polltype"), Path.of("src/main/java/dk/afstemning/web"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (folder.endsWith("web") && !source.contains("DeckProblem")) {
                        continue;
                    }
                    Matcher m = KEY_LITERAL.matcher(source);
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        named.removeAll(NOT_KEYS);
        assertThat(named).hasSizeGreaterThan(70);
        assertThat(keys().stream().map(Method::getName).toList()).containsAll(named);
        assertThatThrownBy(() -> DeckProblem.of("d.md", 1, "no_such_key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeckWithThreeErrorsGetsAllThreeInOrderWithItsEnglishMessageForLogs() {
        String deck = "---\nlang: dansk\n---\n\n# A\n\n```poll\nid: Bad Id\nquestion: Q?\noptions: [A, B]\n```\n\n---\n\n"
                + "```poll\nid: q\nquestion: Q?\noptions: [A]\n```\n";
        assertThatThrownBy(() -> new DeckParser(TestPollTypes.all()).parse("d.md", deck))
                .isInstanceOfSatisfying(DeckException.class, e -> {
                    assertThat(e.problems()).extracting(DeckProblem::line).containsExactly(2, 8, 18);
                    assertThat(e.problems()).extracting(DeckProblem::code)
                            .containsExactly("front-lang", "poll-id-invalid", "options-too-few");
                    assertThat(e.getMessage()).isEqualTo("d.md:2: front matter 'lang' must be a language code such as "
                            + "da or en; d.md:8: poll id 'Bad Id' must be 1-64 lower-case letters, digits, '-' or '_'; "
                            + "d.md:18: a poll needs at least 2 options");
                    assertThat(DeckProblem.lines(e, "da")).containsExactly(
                            "d.md:2: 'lang' i front matter skal være en sprogkode som da eller en",
                            "d.md:8: afstemnings-id'et 'Bad Id' skal være 1-64 små bogstaver, cifre, '-' eller '_'",
                            "d.md:18: en afstemning skal have mindst 2 svarmuligheder");
                    assertThat(e.detail("da")).isEqualTo("Diassættet har 3 fejl; den første: d.md:2: 'lang' i front "
                            + "matter skal være en sprogkode som da eller en");
                });
    }
}
