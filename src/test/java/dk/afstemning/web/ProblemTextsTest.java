package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every refusal a participant can cause by what they type or tap (a 409 or 422 problem of the answer, vote, Q&A and
 * participant code) has its own text in the page's language ({@code tags/problemTexts.html}), so a phone never shows
 * the generic "not accepted" for a refusal it could explain. The texts' presence in both bundles is checked by
 * {@link MessageBundleTest}.
 */
class ProblemTextsTest {

    private static final Pattern REFUSAL = Pattern.compile("new ApiProblem\\((409|422), \"([a-z-]+)\"");
    private static final Pattern TEXT = Pattern.compile("data-msg-([a-z-]+)=\"\\{msg:[a-z_]+\\}\"");
    /** 409s no participant input causes: a presenter command on the wrong poll type, a client reusing a request id. */
    private static final Set<String> NOT_FROM_PARTICIPANTS = Set.of("not-open-text", "request-id-reused");

    @Test
    void everyRefusalOfAParticipantsInputHasItsOwnTextOnThePage() throws IOException {
        Set<String> refusals = new TreeSet<>();
        for (String feature : new String[] {"answer", "vote", "qa", "participant"}) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dk/afstemning", feature))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = REFUSAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        refusals.add(m.group(2));
                    }
                }
            }
        }
        refusals.removeAll(NOT_FROM_PARTICIPANTS);
        Set<String> texts = new TreeSet<>();
        Matcher m = TEXT.matcher(Files.readString(Path.of("src/main/resources/templates/tags/problemTexts.html"),
                StandardCharsets.UTF_8));
        while (m.find()) {
            texts.add(m.group(1));
        }
        assertThat(refusals).as("refusals found in the code").contains("entry-too-long", "too-many-answers",
                "invalid-selection", "vote-final", "own-question");
        assertThat(texts).containsAll(refusals);
    }
}
