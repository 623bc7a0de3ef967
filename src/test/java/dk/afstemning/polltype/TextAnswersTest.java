package dk.afstemning.polltype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.poll.Poll;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.text.CloudWords;
import dk.afstemning.text.TextNormalizer;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.TextsAnswer;
import dk.afstemning.vote.VoteText;

/** The arithmetic and checks of the word cloud and open text, with exact values (the cloud's layout: {@code wordcloud.CloudLayoutTest}). */
class TextAnswersTest {

    private static CloudWords.Spelling spelling(String typed, long count, long firstId) {
        return new CloudWords.Spelling(TextNormalizer.key(typed.strip()), typed.strip(), count, firstId);
    }

    private static Poll poll(boolean profanityFilter) {
        Poll poll = new Poll();
        poll.key = "ord";
        poll.type = "wordcloud";
        poll.talk = new Talk();
        poll.talk.profanityFilter = profanityFilter;
        return poll;
    }

    @Test
    void variantsOfOneWordMergeIntoOneEntryOfCountThree() {
        String nfd = Normalizer.normalize("Ledelse på tværs", Normalizer.Form.NFD);
        String nfc = Normalizer.normalize("Ledelse på tværs", Normalizer.Form.NFC);
        assertThat(nfd).isNotEqualTo(nfc);
        List<CloudWords.Word> words = CloudWords.merge(List.of(spelling("Ledelse", 1, 1), spelling(" ledelse ", 1, 2),
                spelling("LEDELSE", 1, 3), spelling(nfc, 2, 4), spelling(nfd, 1, 5), spelling("Tillid", 1, 6)));
        assertThat(words).containsExactly(new CloudWords.Word("Ledelse", 3),
                new CloudWords.Word(nfc, 3), new CloudWords.Word("Tillid", 1));
    }

    @Test
    void theShownSpellingIsTheMostCommonThenTheFirstSeen() {
        assertThat(CloudWords.merge(List.of(spelling("tillid", 1, 1), spelling("Tillid", 2, 2))))
                .containsExactly(new CloudWords.Word("Tillid", 3));
        assertThat(CloudWords.merge(List.of(spelling("TILLID", 1, 9), spelling("tillid", 1, 4))))
                .containsExactly(new CloudWords.Word("tillid", 2));
    }

    @Test
    void entriesAreTrimmedAndMergedWithinOneAnswer() {
        TextsAnswer checked = Answer.texts(TextEntries.check(poll(true), Answer.texts(List.of(" Ledelse ", "LEDELSE", "Tid")), 3, 25));
        assertThat(checked.texts()).containsExactly("Ledelse", "Tid");
    }

    @Test
    void lengthIsCountedInUserVisibleCharacters() {
        String family = "👩‍👩‍👧";
        assertThat(TextEntries.check(poll(true), Answer.texts(List.of(family.repeat(25))), 3, 25)).hasSize(1);
        assertThatThrownBy(() -> TextEntries.check(poll(true), Answer.texts(List.of("x".repeat(26))), 3, 25))
                .isInstanceOf(ApiProblem.class).satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(422))
                .hasMessageContaining("at most 25 characters, not 26");
        assertThatThrownBy(() -> TextEntries.check(poll(true), Answer.texts(List.of("a", "b", "c", "d")), 3, 25))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("at most 3 entries, not 4");
        assertThatThrownBy(() -> TextEntries.check(poll(true), Answer.texts(List.of("   ")), 3, 25))
                .isInstanceOf(ApiProblem.class).satisfies(e -> assertThat(((ApiProblem) e).type()).isEqualTo("empty-entry"));
    }

    @Test
    void profanityIsHiddenUnlessTheFilterIsOff() {
        assertThat(TextEntries.status(poll(true), "Lort", VoteText.SHOWN)).isEqualTo(VoteText.HIDDEN);
        assertThat(TextEntries.status(poll(true), "fuck ledelse", VoteText.WAITING)).isEqualTo(VoteText.HIDDEN);
        assertThat(TextEntries.status(poll(true), "Ledelse", VoteText.WAITING)).isEqualTo(VoteText.WAITING);
        assertThat(TextEntries.status(poll(false), "Lort", VoteText.SHOWN)).isEqualTo(VoteText.SHOWN);
        Poll own = poll(true);
        own.profanityFilter = false;
        assertThat(TextEntries.status(own, "Lort", VoteText.SHOWN)).isEqualTo(VoteText.SHOWN);
    }

    @Test
    void aDecksOwnWordsAreHiddenAndItsAllowedWordsShown() {
        Poll poll = poll(true);
        poll.talk.profanityWords = "skod\ndumme svin";
        poll.talk.profanityAllow = "lort";
        assertThat(TextEntries.status(poll, "Skod", VoteText.SHOWN)).isEqualTo(VoteText.HIDDEN);
        assertThat(TextEntries.status(poll, "dumme svin", VoteText.SHOWN)).isEqualTo(VoteText.HIDDEN);
        assertThat(TextEntries.status(poll, "Lort", VoteText.SHOWN)).isEqualTo(VoteText.SHOWN);
        assertThat(TextEntries.status(poll, "fanden", VoteText.SHOWN)).isEqualTo(VoteText.HIDDEN);
    }
}
