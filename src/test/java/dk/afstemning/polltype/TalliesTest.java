package dk.afstemning.polltype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The arithmetic of the poll types' results, with exact values. */
class TalliesTest {

    @Test
    void scaleDistributionMeanAndMedian() {
        // five votes on 1–5: 1, 2, 2, 4, 5
        Map<Integer, Long> counts = Map.of(1, 1L, 2, 2L, 4, 1L, 5, 1L);
        assertThat(Tallies.distribution(counts, 1, 5)).containsExactly(new Tallies.Bar(1, 1, 1), new Tallies.Bar(2, 2, 2),
                new Tallies.Bar(3, 3, 0), new Tallies.Bar(4, 4, 1), new Tallies.Bar(5, 5, 1));
        assertThat(Tallies.mean(counts)).isEqualTo(2.8);
        assertThat(Tallies.median(counts)).isEqualTo(2.0);
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Tallies.median(Map.of(1, 1L, 2, 1L, 4, 1L, 5, 1L))).isEqualTo(3.0);
        assertThat(Tallies.median(Map.of(3, 2L, 6, 2L))).isEqualTo(4.5);
        assertThat(Tallies.median(Map.of(7, 1L))).isEqualTo(7.0);
        assertThat(Tallies.median(Map.of())).isNull();
        assertThat(Tallies.mean(Map.of())).isNull();
    }

    @Test
    void sliderHistogramHasTenBinsAndTheLastHolds100() {
        // values 0, 9, 10, 55, 90, 100, 100
        Map<Integer, Long> counts = Map.of(0, 1L, 9, 1L, 10, 1L, 55, 1L, 90, 1L, 100, 2L);
        List<Tallies.Bar> bins = Tallies.histogram(counts, 10);
        assertThat(bins).hasSize(10);
        assertThat(bins.get(0)).isEqualTo(new Tallies.Bar(0, 9, 2));
        assertThat(bins.get(1)).isEqualTo(new Tallies.Bar(10, 19, 1));
        assertThat(bins.get(5)).isEqualTo(new Tallies.Bar(50, 59, 1));
        assertThat(bins.get(9)).isEqualTo(new Tallies.Bar(90, 100, 3));
        assertThat(bins).extracting(Tallies.Bar::count).containsExactly(2L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 3L);
        assertThat(Tallies.mean(counts)).isEqualTo(52.0); // 364 / 7
        assertThat(Tallies.median(counts)).isEqualTo(55.0);
    }

    @Test
    void bordaGivesNMinusOneToTheFirstPlaceAndZeroToTheLast() {
        // three options A=1, B=2, C=3; rankings: A B C, A C B, B A C, C B A
        Map<Long, Map<Integer, Long>> places = Map.of(
                1L, Map.of(0, 2L, 1, 1L, 2, 1L),
                2L, Map.of(0, 1L, 1, 2L, 2, 1L),
                3L, Map.of(0, 1L, 1, 1L, 2, 2L));
        List<Tallies.Ranked> ranked = Tallies.borda(3, places,
                List.of(Map.entry(1L, "A"), Map.entry(2L, "B"), Map.entry(3L, "C")));
        // A: 2*2 + 1*1 + 0*1 = 5; B: 2*1 + 1*2 = 4; C: 2*1 + 1*1 = 3 (sum 12 = 4 rankings * (2+1+0))
        assertThat(ranked).containsExactly(
                new Tallies.Ranked(1, "A", 1.75, 5, 2),
                new Tallies.Ranked(2, "B", 2.0, 4, 1),
                new Tallies.Ranked(3, "C", 2.25, 3, 1));
    }

    @Test
    void bordaOfAnOptionNobodyRankedIsZeroWithNoAverage() {
        assertThat(Tallies.borda(2, Map.of(), List.of(Map.entry(9L, "X"))))
                .containsExactly(new Tallies.Ranked(9, "X", null, 0, 0));
    }

    @Test
    void quizPointsFallFrom1000To500OverTheTimeLimit() {
        assertThat(Tallies.quizPoints(true, 0, 20_000)).isEqualTo(1000);
        assertThat(Tallies.quizPoints(true, 5_000, 20_000)).isEqualTo(875);
        assertThat(Tallies.quizPoints(true, 10_000, 20_000)).isEqualTo(750);
        assertThat(Tallies.quizPoints(true, 1_234, 30_000)).isEqualTo(979); // 1000 * (1 - 1.234/60) = 979.43
        assertThat(Tallies.quizPoints(true, 20_000, 20_000)).isEqualTo(500);
        assertThat(Tallies.quizPoints(true, 99_000, 20_000)).isEqualTo(500);
        assertThat(Tallies.quizPoints(true, -5, 20_000)).isEqualTo(1000);
        assertThat(Tallies.quizPoints(false, 0, 20_000)).isZero();
    }
}
