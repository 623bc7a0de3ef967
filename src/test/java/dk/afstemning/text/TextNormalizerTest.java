package dk.afstemning.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The merge key: NFC, case folding, trimmed, inner white space collapsed. */
class TextNormalizerTest {

    @Test
    void variantsOfOneWordMerge() {
        String nfd = Normalizer.normalize("Tillid", Normalizer.Form.NFD);
        assertThat(Stream.of("Tillid", " tillid ", "TILLID", nfd, "\tTillid\n").map(TextNormalizer::key).distinct())
                .containsExactly("tillid");
    }

    @Test
    void decomposedLettersMergeWithComposedOnes() {
        String nfd = Normalizer.normalize("Åbenhed", Normalizer.Form.NFD);
        assertThat(nfd).hasSize(8);
        assertThat(TextNormalizer.key(nfd)).isEqualTo("åbenhed").hasSize(7);
        assertThat(TextNormalizer.key("ÅBENHED")).isEqualTo("åbenhed");
    }

    @Test
    void innerWhiteSpaceCollapsesToOneSpace() {
        assertThat(TextNormalizer.key("  Tillid \t og\u00A0\u00A0Åbenhed\r\n")).isEqualTo("tillid og åbenhed");
        assertThat(TextNormalizer.key("tillid\u2003og\u3000åbenhed")).isEqualTo("tillid og åbenhed");
    }

    @Test
    void fullCaseFoldingMergesSharpS() {
        assertThat(TextNormalizer.key("Straße")).isEqualTo("strasse");
        assertThat(TextNormalizer.key("STRASSE")).isEqualTo("strasse");
    }

    @Test
    void nothingElseChanges() {
        assertThat(TextNormalizer.key("<img src=x onerror=alert(1)>")).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(TextNormalizer.key("x²")).isEqualTo("x²"); // NFC, not NFKC: compatibility forms stay
        assertThat(TextNormalizer.key("ﬁ")).isEqualTo("fi"); // except where case folding itself maps them
        assertThat(TextNormalizer.key(null)).isNull();
        assertThat(TextNormalizer.key("   ")).isEmpty();
    }
}
