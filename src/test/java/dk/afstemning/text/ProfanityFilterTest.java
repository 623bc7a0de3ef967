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
}
