package dk.afstemning.polltype.wordcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.text.CloudWords;

/** The word cloud's layout on the server (moved from {@code TextAnswersTest}: the layout is the word cloud type's own). */
class CloudLayoutTest {

    @Test
    void theCloudLayoutIsDeterministicAndWordsDoNotOverlap() {
        List<CloudWords.Word> words = List.of(new CloudWords.Word("Ledelse", 3), new CloudWords.Word("Tillid", 2),
                new CloudWords.Word("Tid", 1));
        List<CloudLayout.Placed> placed = CloudLayout.layout(words);
        assertThat(CloudLayout.layout(words)).isEqualTo(placed);
        // the heaviest word is the largest and sits in the middle of the 1000 × 600 box
        assertThat(placed.get(0)).isEqualTo(new CloudLayout.Placed("Ledelse", 3, 500, 300, 109));
        assertThat(placed.get(1).size()).isEqualTo(97);
        assertThat(placed.get(2).size()).isEqualTo(80);
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(overlap(placed.get(i), placed.get(j))).as("%s and %s", i, j).isFalse();
            }
        }
    }

    private static boolean overlap(CloudLayout.Placed a, CloudLayout.Placed b) {
        double aw = CloudLayout.ems(a.text()) * a.size() / 2;
        double bw = CloudLayout.ems(b.text()) * b.size() / 2;
        double ah = a.size() * 1.15 / 2;
        double bh = b.size() * 1.15 / 2;
        return Math.abs(a.x() - b.x()) < aw + bw - 1 && Math.abs(a.y() - b.y()) < ah + bh - 1;
    }

    /**
     * Issue 21, item 18: sizes by 40 + 80 × √(count / max(most, 4)), so that small differences stay small (counts 1
     * and 2 alone were 40 and 120 box units: three times taller for one more entry).
     */
    @Test
    void sizesGrowWithTheSquareRootOfTheCountOnAScaleOfAtLeastFourEntries() {
        assertThat(sizes(2, 1)).containsExactly(97, 80);
        assertThat(sizes(1, 1, 1)).containsExactly(80, 80, 80);
        assertThat(sizes(3, 2, 1)).containsExactly(109, 97, 80);
        assertThat(sizes(4, 1)).containsExactly(120, 80);
        assertThat(sizes(100, 25, 1)).containsExactly(120, 80, 48);
        assertThat(CloudLayout.size(9, 9)).isEqualTo(120.0);
        assertThat(CloudLayout.size(1, 4)).isEqualTo(80.0);
    }

    private static List<Integer> sizes(long... counts) {
        List<CloudWords.Word> words = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            words.add(new CloudWords.Word("W" + i, counts[i]));
        }
        return CloudLayout.layout(words).stream().map(CloudLayout.Placed::size).toList();
    }
}
