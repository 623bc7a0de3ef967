package dk.afstemning.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Tests whether groups (talks, audiences) answered a choice question differently.
 * <ul>
 * <li>Pearson's chi-square test of homogeneity on a groups × options table of counts: X² = Σ (O−E)²/E with
 * E = row total · column total / grand total, df = (rows−1)(columns−1), p from the chi-square distribution (K. Pearson,
 * Phil. Mag. 50 (1900) 157-175; A. Agresti, An Introduction to Categorical Data Analysis, 2nd ed., Wiley 2007, §2.4).
 * No continuity correction, as R's {@code chisq.test(..., correct = FALSE)}.</li>
 * <li>The two-proportion z-test with pooled standard error: z = (p1−p2) / √( p(1−p)(1/n1+1/n2) ), p pooled, two-sided
 * p-value (Agresti 2007, §2.2; Newcombe 1998). z² equals the 2×2 chi-square statistic, as R's
 * {@code prop.test(..., correct = FALSE)}.</li>
 * </ul>
 * Distributions come from Apache Commons Math.
 */
public final class Comparisons {

    private Comparisons() {
    }

    /**
     * The result of a chi-square test of homogeneity.
     *
     * @param statistic Pearson's X²
     * @param df degrees of freedom
     * @param pValue P(χ²(df) ≥ X²)
     * @param minExpected the smallest expected count, for the small-sample rule ({@link SmallSample})
     * @param small true when {@link SmallSample#warnExpected} says the p-value is only approximate
     */
    public record ChiSquare(double statistic, int df, double pValue, double minExpected, boolean small) {
    }

    /**
     * The result of a two-proportion z-test.
     *
     * @param p1 share in group 1
     * @param p2 share in group 2
     * @param z the z statistic (positive when p1 &gt; p2)
     * @param pValue two-sided p-value, 2·(1−Φ(|z|))
     */
    public record TwoProportions(double p1, double p2, double z, double pValue) {
    }

    /**
     * Chi-square test of homogeneity. Rows whose total is 0 and columns whose total is 0 are left out first (they carry
     * no information and would give an expected count of 0).
     *
     * @param counts rows are groups, columns are options; counts must be non-negative
     * @return the test, or null when fewer than two rows or two columns remain
     */
    public static ChiSquare chiSquare(long[][] counts) {
        long[] rowTotals = new long[counts.length];
        long[] columnTotals = new long[counts.length == 0 ? 0 : counts[0].length];
        long total = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < columnTotals.length; c++) {
                if (counts[r][c] < 0) {
                    throw new IllegalArgumentException("negative count at " + r + "," + c);
                }
                rowTotals[r] += counts[r][c];
                columnTotals[c] += counts[r][c];
                total += counts[r][c];
            }
        }
        int rows = (int) java.util.Arrays.stream(rowTotals).filter(t -> t > 0).count();
        int columns = (int) java.util.Arrays.stream(columnTotals).filter(t -> t > 0).count();
        if (rows < 2 || columns < 2) {
            return null;
        }
        double statistic = 0;
        double minExpected = Double.MAX_VALUE;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < columnTotals.length; c++) {
                if (rowTotals[r] == 0 || columnTotals[c] == 0) {
                    continue;
                }
                double expected = (double) rowTotals[r] * columnTotals[c] / total;
                minExpected = Math.min(minExpected, expected);
                statistic += (counts[r][c] - expected) * (counts[r][c] - expected) / expected;
            }
        }
        int df = (rows - 1) * (columns - 1);
        double p = 1 - new ChiSquaredDistribution(df).cumulativeProbability(statistic);
        return new ChiSquare(statistic, df, p, minExpected, SmallSample.warnExpected(minExpected));
    }

    /**
     * Two-proportion z-test of x1/n1 against x2/n2.
     *
     * @return the test, or null when a group has no answers or the pooled share is 0 or 1 (no variation to test)
     * @throws IllegalArgumentException when a count is negative or above its n
     */
    public static TwoProportions twoProportions(long x1, long n1, long x2, long n2) {
        if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("need 0 <= x <= n");
        }
        if (n1 == 0 || n2 == 0) {
            return null;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        if (pooled == 0 || pooled == 1) {
            return null;
        }
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
        return new TwoProportions(p1, p2, z, p);
    }
}
