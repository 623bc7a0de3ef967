package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * Trial of issue 21, item 14: deck texts are limited in user-visible characters, but the columns counted UTF-16
 * units, so 300 × 👩🏽‍💻 (2,100 units) passed the 300-character limit and failed the insert: 500 on upload, and in the
 * slides folder the app did not start. Each stored deck text now fits its column when it passes its limit, a text of
 * piled-up combining marks is refused with the deck error, and a heading longer than a title is cut.
 */
@QuarkusTest
class DeckTextLimitsTest {

    private static final String CODER = "👩🏽‍💻";

    @Inject
    DeckImporter importer;

    private static String deck(String title, String speaker, String question, String option, String low) {
        return "---\ntitle: '" + title + "'\nspeaker: '" + speaker + "'\nlang: da\n---\n\n# Afstemning\n\n```poll\nid: valg\n"
                + "question: '" + question + "'\noptions:\n  - '" + option + "'\n  - Praksis\n```\n\n---\n\n```poll\n"
                + "id: enig\ntype: scale\nquestion: Hvor enig?\nmin: 1\nmax: 5\nlow: '" + low + "'\nhigh: Helt enig\n```\n";
    }

    @Test
    void threeHundredWideEmojiAreStoredInEveryDeckText() {
        String wide = CODER.repeat(300);
        assertThat(wide.length()).isEqualTo(2100);
        Talk talk = importer.importDeck("emoji-" + UUID.randomUUID() + ".md",
                deck(wide, CODER.repeat(200), wide, wide, wide));
        QuarkusTransaction.requiringNew().run(() -> {
            Talk stored = Talk.findById(talk.id);
            assertThat(stored.title).isEqualTo(wide);
            assertThat(stored.speaker).isEqualTo(CODER.repeat(200));
            Poll choice = Poll.find("talk = ?1 and key = 'valg'", stored).firstResult();
            assertThat(choice.question).isEqualTo(wide);
            assertThat(PollOption.listActiveByPoll(choice).get(0).text).isEqualTo(wide);
            Poll scale = Poll.find("talk = ?1 and key = 'enig'", stored).firstResult();
            assertThat(scale.labelLow).isEqualTo(wide);
        });
    }

    @Test
    void oneCharacterTooManyOrTooManyCombiningMarksIsADeckErrorNotA500() {
        DeckException option = catchThrowableOfType(DeckException.class, () -> importer.importDeck("x.md",
                deck("Titel", "Taler", "Spørgsmål?", CODER.repeat(301), "Uenig")));
        assertThat(option.line()).isEqualTo(13);
        assertThat(option.getMessage()).contains("300");

        // One user-visible character of 2,400 combining marks: within 300 characters, beyond any column.
        String piled = "a" + "\u0301".repeat(2400);
        DeckException marks = catchThrowableOfType(DeckException.class, () -> importer.importDeck("y.md",
                deck("Titel", "Taler", piled, "Forskning", "Uenig")));
        assertThat(marks.line()).isEqualTo(11);

        DeckException speaker = catchThrowableOfType(DeckException.class, () -> importer.importDeck("z.md",
                deck("Titel", "x".repeat(201), "Spørgsmål?", "Forskning", "Uenig")));
        assertThat(speaker.line()).isEqualTo(3);
        assertThat(speaker.getMessage()).contains("speaker").contains("200");
    }

    @Test
    void aHeadingLongerThanATitleIsCutToThreeHundredCharacters() {
        String heading = "Æ".repeat(250) + CODER.repeat(150);
        Talk talk = importer.importDeck("heading-" + UUID.randomUUID() + ".md", "# " + heading + "\n\nTekst\n");
        QuarkusTransaction.requiringNew().run(() -> {
            Talk stored = Talk.findById(talk.id);
            String expected = "Æ".repeat(250) + CODER.repeat(50);
            assertThat(stored.title).isEqualTo(expected);
            assertThat(Slide.<Slide>find("talk", stored).firstResult().title).isEqualTo(expected);
        });
    }

    @Test
    void aSlidesFolderWithAWideEmojiDeckLoadsEveryDeck(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("a-emoji.md"),
                deck(CODER.repeat(300), "Taler", CODER.repeat(300), CODER.repeat(300), "Uenig"));
        Files.writeString(folder.resolve("b-broken.md"), deck("Titel", "Taler", "Spørgsmål?", CODER.repeat(301), "U"));
        Files.writeString(folder.resolve("c-plain.md"), "# Plain\n\nText\n");
        DeckImporter.Report report = importer.importFolder(folder);
        assertThat(report.talks()).extracting(t -> t.title).containsExactly(CODER.repeat(300), "Plain");
        assertThat(report.errors()).hasSize(1).allMatch(e -> e.startsWith("b-broken.md:13:"));
    }
}
