package dk.afstemning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The statistics against published values, to 4 decimals unless the source prints fewer. */
class StatisticsTest {

    private static final org.assertj.core.data.Offset<Double> D4 = within(0.00005);

    /**
     * R. G. Newcombe, Statistics in Medicine 17 (1998) 857-872, Table I, method 3 (Wilson score, no continuity
     * correction): 81/263 → 0.2553 to 0.3662, 15/148 → 0.0624 to 0.1605, 0/20 → 0.0000 to 0.1611, 1/29 → 0.0061 to
     * 0.1718, 29/29 → 0.8830 to 1.0000. (81/263 is also Wikipedia's worked example of the Wilson interval.)
     */
    @Test
    void wilsonIntervalsMatchNewcombe1998TableI() {
        assertInterval(Proportions.wilson95(81, 263), 0.2553, 0.3662);
        assertInterval(Proportions.wilson95(15, 148), 0.0624, 0.1605);
        assertInterval(Proportions.wilson95(0, 20), 0.0000, 0.1611);
        assertInterval(Proportions.wilson95(1, 29), 0.0061, 0.1718);
        assertInterval(Proportions.wilson95(29, 29), 0.8830, 1.0000);
        assertThat(Proportions.Z95).isCloseTo(1.959964, within(0.0000005));
    }

    @Test
    void wilsonOfNoVotesIsNullAndBadCountsAreRefused() {
        assertThat(Proportions.wilson95(0, 0)).isNull();
        assertThatThrownBy(() -> Proportions.wilson95(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson95(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * R: {@code t.test(sleep$extra[sleep$group == 1])} (Student's 1908 sleep data, group 1) prints mean 0.75 and
     * "95 percent confidence interval: -0.5297804 2.0297804".
     */
    @Test
    void tIntervalOfTheMeanMatchesRsSleepExample() {
        Means.Summary s = Means.summarise(new double[] {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0});
        assertThat(s.n()).isEqualTo(10);
        assertThat(s.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(s.ci95().lower()).isCloseTo(-0.5297804, within(0.00000005));
        assertThat(s.ci95().upper()).isCloseTo(2.0297804, within(0.00000005));
        assertThat(s.sd()).isCloseTo(1.789010, within(0.0000005));
    }

    @Test
    void meanSummaryCountsTheDistributionAndNeedsTwoValuesForAnInterval() {
        Means.Summary s = Means.summarise(new double[] {3, 5, 3, 4, 3});
        assertThat(s.distribution()).containsExactly(Map.entry(3.0, 3L), Map.entry(4.0, 1L), Map.entry(5.0, 1L));
        assertThat(s.mean()).isCloseTo(3.6, within(1e-12));
        Means.Summary one = Means.summarise(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.ci95()).isNull();
        assertThat(Means.summarise(new double[0]).mean()).isNull();
    }

    /**
     * Agresti (2007) Table 2.5, party identification by gender, as in R's {@code ?chisq.test} example:
     * "X-squared = 30.07, df = 2, p-value = 2.954e-07".
     */
    @Test
    void chiSquareMatchesAgrestiPartyIdentificationInR() {
        Comparisons.ChiSquare c = Comparisons.chiSquare(new long[][] {{762, 327, 468}, {484, 239, 477}});
        assertThat(c.df()).isEqualTo(2);
        assertThat(c.statistic()).isCloseTo(30.0701, D4);
        assertThat(c.pValue()).isCloseTo(2.954e-07, within(0.0005e-07));
        assertThat(c.small()).isFalse();
    }

    /**
     * R's {@code ?prop.test} example, smokers among patients in four groups: {@code prop.test(c(83, 90, 129, 70),
     * c(86, 93, 136, 82))} prints "X-squared = 12.6, df = 3, p-value = 0.005585" (no continuity correction is applied
     * with more than two groups).
     */
    @Test
    void chiSquareMatchesRsPropTestSmokersExample() {
        Comparisons.ChiSquare c = Comparisons.chiSquare(
                new long[][] {{83, 3}, {90, 3}, {129, 7}, {70, 12}});
        assertThat(c.df()).isEqualTo(3);
        assertThat(c.statistic()).isCloseTo(12.6004, D4);
        assertThat(c.pValue()).isCloseTo(0.005585, within(0.0000005));
        assertThat(c.minExpected()).isCloseTo(5.1637, D4);
        assertThat(c.small()).isFalse();
    }

    @Test
    void chiSquareDropsEmptyRowsAndColumnsAndNeedsTwoOfEach() {
        Comparisons.ChiSquare c = Comparisons.chiSquare(new long[][] {{762, 327, 0, 468}, {0, 0, 0, 0},
                {484, 239, 0, 477}});
        assertThat(c.df()).isEqualTo(2);
        assertThat(c.statistic()).isCloseTo(30.0701, D4);
        assertThat(Comparisons.chiSquare(new long[][] {{5, 3}})).isNull();
        assertThat(Comparisons.chiSquare(new long[][] {{5, 0}, {7, 0}})).isNull();
        assertThat(Comparisons.chiSquare(new long[][] {{2, 1}, {1, 2}}).small()).isTrue();
    }

    /**
     * The z-test's z² is the 2×2 Pearson chi-square (Agresti 2007 §2.4.3); checked on the Physicians' Health Study
     * (Agresti 2007 Table 2.3: myocardial infarction 189 of 11034 on placebo, 104 of 11037 on aspirin). The value
     * z = 5.0014 (X² = 25.0139) was computed independently with SciPy 1.17.1 {@code chi2_contingency(correction=False)},
     * not taken from a printed table.
     */
    @Test
    void twoProportionZTestSquaredIsThe2x2ChiSquare() {
        Comparisons.TwoProportions t = Comparisons.twoProportions(189, 11034, 104, 11037);
        Comparisons.ChiSquare c = Comparisons.chiSquare(new long[][] {{189, 11034 - 189}, {104, 11037 - 104}});
        assertThat(t.z() * t.z()).isCloseTo(c.statistic(), within(1e-9));
        assertThat(t.pValue()).isCloseTo(c.pValue(), within(1e-12));
        assertThat(t.z()).isCloseTo(5.0014, D4);
        assertThat(t.p1()).isCloseTo(0.0171, D4);
        assertThat(t.p2()).isCloseTo(0.0094, D4);
        assertThat(Comparisons.twoProportions(0, 5, 0, 7)).isNull();
        assertThat(Comparisons.twoProportions(0, 0, 3, 7)).isNull();
        assertThatThrownBy(() -> Comparisons.twoProportions(1, 0, 0, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallSampleRuleIsNBelow30OrExpectedBelow5() {
        assertThat(SmallSample.warnN(29)).isTrue();
        assertThat(SmallSample.warnN(30)).isFalse();
        assertThat(SmallSample.warnExpected(4.99)).isTrue();
        assertThat(SmallSample.warnExpected(5)).isFalse();
    }

    private static void assertInterval(Interval interval, double lower, double upper) {
        assertThat(interval.lower()).isCloseTo(lower, D4);
        assertThat(interval.upper()).isCloseTo(upper, D4);
    }
}
