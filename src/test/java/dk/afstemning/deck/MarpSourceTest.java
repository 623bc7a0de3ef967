package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/**
 * The deck text the browser's Marp draws (README "Marp fidelity"): polls become islands, speaker notes leave their
 * comments, directives stay, and no line moves, so Marp's slides are the server's.
 */
class MarpSourceTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    @Test
    void aPollBlockBecomesAnIslandOnItsFirstLineAndTheLinesAfterStayWhereTheyWere() {
        String deck = """
                # Vote

                ```poll
                id: afstemning
                question: Hvad?
                options: [A, B]
                ```

                After
                """;
        assertThat(MarpSource.of(deck, List.of("afstemning"))).isEqualTo("""
                # Vote

                <div data-poll="afstemning"></div>





                After
                """);
    }

    @Test
    void aPollBlockTheServerDidNotCountStillGoes() {
        assertThat(MarpSource.of("```poll\nid: q\ntype: quiz\ncorrect: 2\n```\n", List.of()))
                .isEqualTo("<div data-poll=\"\"></div>\n\n\n\n\n");
    }

    @Test
    void notesLeaveTheirCommentsDirectivesAndCodeStay() {
        String deck = """
                <!-- _class: lead -->
                # Title <!-- inline secret -->

                <!--
                secret note
                ---
                -->

                `<!-- shown as code -->`

                ```html
                <!-- shown in a fence -->
                ```

                <!--fit-->
                """;
        assertThat(MarpSource.of(deck, List.of())).isEqualTo("""
                <!-- _class: lead -->
                # Title <!---->

                <!--


                -->

                `<!-- shown as code -->`

                ```html
                <!-- shown in a fence -->
                ```

                <!--fit-->
                """);
    }

    @Test
    void theSeedDeckKeepsItsLinesItsSlidesAndLosesItsNotesAndPollYaml() throws IOException {
        String seed = Files.readString(Path.of("slides", "ledelse-i-en-frisat-kommune.md"));
        Deck deck = parser.parse("seed.md", seed);
        List<String> polls = deck.slides().stream().filter(s -> s.poll() != null).map(s -> s.poll().id()).toList();
        String marp = MarpSource.of(seed, polls);

        assertThat(marp.lines().count()).isEqualTo(seed.lines().count());
        assertThat(marp).doesNotContain("```poll", "options:");
        for (String id : polls) {
            assertThat(marp).contains("<div data-poll=\"" + id + "\"></div>");
        }
        for (DeckSlide slide : deck.slides()) {
            if (slide.notes() != null) {
                assertThat(marp).doesNotContain(slide.notes().lines().findFirst().orElseThrow());
            }
        }
        // The server still finds the same slides in what Marp is given (the islands and empty comments move nothing).
        assertThat(parser.parse("seed.md", marp).slides().stream().map(DeckSlide::line).toList())
                .isEqualTo(deck.slides().stream().map(DeckSlide::line).toList());
    }
}
