package dk.afstemning.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whole-percent rounding of result shares. */
class PercentTest {

    @Test
    void sharesAreRoundedHalfUpToWholePercent() {
        assertThat(ResultsService.percent(0, 0)).isZero();
        assertThat(ResultsService.percent(1, 3)).isEqualTo(33);
        assertThat(ResultsService.percent(2, 3)).isEqualTo(67);
        assertThat(ResultsService.percent(1, 8)).isEqualTo(13);
        assertThat(ResultsService.percent(1, 200)).isEqualTo(1);
        assertThat(ResultsService.percent(7, 7)).isEqualTo(100);
    }
}
