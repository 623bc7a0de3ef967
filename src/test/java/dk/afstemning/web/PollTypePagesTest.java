package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The live pages never branch on a poll type's name: they include the type's fragments and load its script by the
 * name ({@code templates/polltypes/<type>/}, {@code js/polltypes/<type>.js}), so that a new type is new files there
 * and nothing else in the pages.
 */
class PollTypePagesTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    static final Path SCRIPTS = Path.of("src", "main", "resources", "META-INF", "resources", "js");
    static final List<Path> PAGES = List.of(TEMPLATES.resolve("PageResource/participant.html"),
            TEMPLATES.resolve("PageResource/presenter.html"), SCRIPTS.resolve("participant.js"),
            SCRIPTS.resolve("presenter.js"), SCRIPTS.resolve("poll-types.js"));

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
    void theLivePagesNameNoPollType() throws IOException {
        List<String> found = new ArrayList<>();
        for (String type : types()) {
            // A comparison with the name, a case of a switch or a list of names; 'open' as a poll command is fine.
            Pattern named = Pattern.compile("(case|[=!]==?)\\s*'" + type + "'|'" + type + "'\\s*[=!]=|\\[[^\\]]*'" + type
                    + "'[^\\]]*\\]");
            for (Path page : PAGES) {
                if (named.matcher(Files.readString(page, StandardCharsets.UTF_8)).find()) {
                    found.add(page.getFileName() + ": " + type);
                }
            }
        }
        assertThat(found).as("pages that branch on a poll type's name").isEmpty();
    }

    private static List<String> types() throws IOException {
        try (Stream<Path> folders = Files.list(TEMPLATES.resolve("polltypes"))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
