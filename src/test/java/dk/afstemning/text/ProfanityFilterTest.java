package dk.afstemning.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** Whole normalised words from the Danish and English lists; parts of longer words do not match. */
class ProfanityFilterTest {

    private final ProfanityFilter filter = ProfanityFilter.standard();

    @Test
    void danishWordsMatchAsWholeWordsInAnyCase() {
        assertThat(filter.firstMatch("Sikke noget LORT!")).contains("lort");
        assertThat(filter.firstMatch("røvhul")).contains("røvhul");
        assertThat(filter.matches(Normalizer.normalize("RØVHUL", Normalizer.Form.NFD))).isTrue();
    }

    @Test
    void englishWordsAndPhrasesMatch() {
        assertThat(filter.firstMatch("what the FUCK")).contains("fuck");
        assertThat(filter.firstMatch("Holy   Shit.")).contains("shit");
        assertThat(filter.firstMatch("2 girls 1 cup")).contains("2 girls 1 cup");
    }

    @Test
    void partsOfLongerWordsAndCleanTextPass() {
        assertThat(filter.matches("Lortevejr i dag")).isFalse();
        assertThat(filter.matches("Pisse godt")).isFalse();
        assertThat(filter.matches("Scunthorpe")).isFalse();
        assertThat(filter.matches("Tillid og åbenhed")).isFalse();
        assertThat(filter.matches("Hvad får du mest værdi ud af?")).isFalse();
        assertThat(filter.matches("")).isFalse();
        assertThat(filter.matches(null)).isFalse();
    }

    @Test
    void ownListsMatchPhrasesWordByWord() {
        ProfanityFilter small = ProfanityFilter.of("dumme  svin", "skod");
        assertThat(small.firstMatch("Din DUMME\tsvin")).contains("dumme svin");
        assertThat(small.matches("dumme")).isFalse();
        assertThat(small.matches("skod-ide")).isTrue();
        assertThat(small.matches("skodide")).isFalse();
    }

    /** Issue 19: "fanden", "kraftedeme" and "satan" passed; Danish swearing is mostly these, inflected. */
    @Test
    void danishSwearWordsAndTheirInflectionsAreCaught() {
        assertThat(filter.firstMatch("Fanden tage det")).contains("fanden");
        assertThat(filter.firstMatch("KRAFTEDEME")).contains("kraftedeme");
        assertThat(filter.firstMatch("satan i helvede")).contains("satan");
        assertThat(filter.firstMatch("det fandens møde")).contains("fandens");
        assertThat(filter.firstMatch("satans også")).contains("satans");
        assertThat(filter.firstMatch("For helvede!")).contains("for helvede");
        assertThat(filter.firstMatch("fa'en da")).contains("fa'en");
        assertThat(filter.firstMatch("sikke noget lortet")).contains("lortet");
        assertThat(filter.firstMatch("Røvhullet")).contains("røvhullet");
    }

    /** The mild words Danish speakers use in polite company stay allowed (README "Profanity filter" says why). */
    @Test
    void mildDanishWordsStayAllowed() {
        assertThat(filter.matches("Pokkers også")).isFalse();
        assertThat(filter.matches("Søren da")).isFalse();
        assertThat(filter.matches("Det er sgu godt")).isFalse();
        assertThat(filter.matches("en fandenivoldsk plan")).isFalse();
        assertThat(filter.matches("Det var et helvede")).isFalse();
        assertThat(filter.matches("Hold da kæft, hvor godt")).isFalse();
        assertThat(filter.matches("pissegodt")).isFalse();
        assertThat(filter.matches("lortevejr")).isFalse();
    }

    @Test
    void aDeckAddsAndAllowsWordsWithoutChangingTheStandardLists() {
        ProfanityFilter deck = filter.adjusted(java.util.List.of("skod", "dumme  svin"),
                java.util.List.of("Fanden", "for   helvede"));
        assertThat(deck.firstMatch("SKOD")).contains("skod");
        assertThat(deck.firstMatch("din dumme svin")).contains("dumme svin");
        assertThat(deck.matches("Fanden tage det")).isFalse();
        assertThat(deck.matches("for helvede")).isFalse();
        assertThat(deck.firstMatch("lort")).contains("lort");
        assertThat(filter.matches("skod")).isFalse();
        assertThat(filter.matches("fanden")).isTrue();
        assertThat(filter.adjusted(java.util.List.of(), java.util.List.of())).isSameAs(filter);
        assertThat(filter.adjusted(java.util.List.of("skod"), java.util.List.of()))
                .isSameAs(filter.adjusted(java.util.List.of("skod"), java.util.List.of()));
    }
}
