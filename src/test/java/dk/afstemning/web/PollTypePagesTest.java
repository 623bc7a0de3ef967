package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The live pages and the organiser reports never branch on a poll type's name: they include the type's fragments and
 * load its script by the name ({@code templates/polltypes/<type>/}, {@code js/polltypes/<type>.js}), so that a new
 * type is new files there and nothing else in the pages.
 */
class PollTypePagesTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    static final Path SCRIPTS = Path.of("src", "main", "resources", "META-INF", "resources", "js");
    static final List<Path> PAGES = List.of(TEMPLATES.resolve("PageResource/participant.html"),
            TEMPLATES.resolve("PageResource/presenter.html"), SCRIPTS.resolve("participant.js"),
            SCRIPTS.resolve("presenter.js"), SCRIPTS.resolve("poll-types.js"));
    /** The organiser reports, which include fragments of the type's {@code report.html} by the type's name. */
    static final List<Path> REPORTS = List.of(TEMPLATES.resolve("OrganiserPages/talk.html"),
            TEMPLATES.resolve("QuestionPages/question.html"));
    /** An include of a fragment of the type's report.html: {@code '/report$talk_notes'}. */
    static final Pattern REPORT_FRAGMENT = Pattern.compile("/report\\$(\\w+)'");

    @Test
    void everyPollTypeHasItsPhoneAndScreenFragmentsAndItsScript() throws IOException {
        List<String> types = types();
        assertThat(types).contains("choice", "multiple", "scale", "slider", "ranking", "quiz", "wordcloud", "open");
        for (String type : types) {
            assertThat(TEMPLATES.resolve("polltypes/" + type + "/phone.html")).isRegularFile();
            // The presenter page hands its console (totals, controls) to the type's screen, which places it.
            assertThat(Files.readString(TEMPLATES.resolve("polltypes/" + type + "/screen.html"), StandardCharsets.UTF_8))
                    .as(type + "/screen.html").contains("{#insert console /}");
            assertThat(SCRIPTS.resolve("polltypes/" + type + ".js")).isRegularFile();
        }
    }

    @Test
    void everyPollTypeHasEveryFragmentTheReportsInclude() throws IOException {
        Set<String> included = new TreeSet<>();
        for (Path page : REPORTS) {
            REPORT_FRAGMENT.matcher(Files.readString(page, StandardCharsets.UTF_8)).results()
                    .forEach(m -> included.add(m.group(1)));
        }
        assertThat(included).as("fragments the reports include")
                .contains("talk_texts", "talk_notes", "question_n", "question_notes", "question_no_test");
        for (String type : types()) {
            // A missing fragment fails the page at render time, so every type defines each one, empty if need be.
            String report = Files.readString(TEMPLATES.resolve("polltypes/" + type + "/report.html"),
                    StandardCharsets.UTF_8);
            for (String fragment : included) {
                assertThat(report).as(type + "/report.html").contains("{#fragment id=" + fragment + "}");
            }
        }
    }

    @Test
    void theLivePagesAndTheReportsNameNoPollType() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> pages = new ArrayList<>(PAGES);
        pages.addAll(REPORTS);
        for (String type : types()) {
            // A comparison with the name, a case of a switch or a list of names; 'open' as a poll command is fine.
            Pattern named = Pattern.compile("(case|[=!]==?)\\s*'" + type + "'|'" + type + "'\\s*[=!]=|\\[[^\\]]*'" + type
                    + "'[^\\]]*\\]");
            for (Path page : pages) {
                if (named.matcher(Files.readString(page, StandardCharsets.UTF_8)).find()) {
                    found.add(page.getFileName() + ": " + type);
                }
            }
        }
        assertThat(found).as("pages that branch on a poll type's name").isEmpty();
    }

    @Test
    void theReportsCompareNoType() throws IOException {
        // Whatever the name: poll.type == …, q.report.type != …; the type's name may only pick its fragments.
        Pattern compared = Pattern.compile("type\\s*[=!]=|[=!]=\\s*[\\w.]*type\\b");
        for (Path page : REPORTS) {
            assertThat(compared.matcher(Files.readString(page, StandardCharsets.UTF_8)).find())
                    .as(page + " compares a poll type").isFalse();
        }
    }

    private static List<String> types() throws IOException {
        try (Stream<Path> folders = Files.list(TEMPLATES.resolve("polltypes"))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
