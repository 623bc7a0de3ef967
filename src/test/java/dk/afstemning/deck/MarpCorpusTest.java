package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.afstemning.polltype.TestPollTypes;

/**
 * Real public Marp decks against marp-core (issue 18): reads the decks in {@code /work/marp-decks} (or the folder in
 * the system property {@code marp.decks}) with the {@code marp-expected.json} written there by
 * {@code src/test/resources/marp/marp-expected.js}, and compares each deck's slide count, notes and titles with
 * {@link DeckParser}'s. The decks are not in the repository (their licences mostly do not allow it; their sources are
 * in {@code SOURCES.tsv} beside them and in README "Marp fidelity"), so the test is skipped where the folder is
 * absent. The rules each deck showed are pinned by {@link MarpFidelityTest} on committed synthetic decks.
 */
class MarpCorpusTest {

    private static final Path DIR = Path.of(System.getProperty("marp.decks", "/work/marp-decks"));

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    @Test
    void everyCollectedDeckSplitsTitlesAndKeepsNotesAsMarpCoreDoes() throws Exception {
        assumeTrue(Files.isRegularFile(DIR.resolve("marp-expected.json")), "no Marp deck corpus at " + DIR);
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("marp-expected.json").toFile());
        List<String> differences = new ArrayList<>();
        List<String> table = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                JsonNode marp = expected.get(name);
                if (marp == null) {
                    differences.add(name + ": not in marp-expected.json");
                    continue;
                }
                List<String> found = compare(name, Files.readString(file, StandardCharsets.UTF_8), marp);
                table.add(name + " | Marp " + marp.get("count").asInt() + " | " + (found.isEmpty() ? "equal" : found));
                differences.addAll(found);
            }
        }
        table.forEach(System.out::println);
        assertThat(differences).isEmpty();
    }

    private List<String> compare(String name, String markdown, JsonNode marp) {
        Deck deck;
        try {
            deck = parser.parse(name, markdown);
        } catch (DeckException e) {
            return List.of(name + ": refused: " + e.getMessage());
        }
        List<String> found = new ArrayList<>();
        int count = marp.get("count").asInt();
        if (deck.slides().size() != count) {
            found.add(name + ": " + deck.slides().size() + " slides, Marp " + count);
        }
        for (int i = 0; i < Math.min(count, deck.slides().size()); i++) {
            DeckSlide slide = deck.slides().get(i);
            String notes = slide.notes() == null ? "" : slide.notes();
            JsonNode title = marp.get("titles").get(i);
            if (!notes.equals(marp.get("notes").get(i).asText())) {
                found.add(name + " slide " + (i + 1) + ": notes " + quote(notes) + ", Marp "
                        + quote(marp.get("notes").get(i).asText()));
            }
            if (!Objects.equals(slide.title(), title.isNull() ? null : title.asText())) {
                found.add(name + " slide " + (i + 1) + ": title " + quote(slide.title()) + ", Marp "
                        + quote(title.isNull() ? null : title.asText()));
            }
        }
        return found;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s.replace("\n", "\\n") + "'";
    }
}
