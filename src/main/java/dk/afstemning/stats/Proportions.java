package dk.afstemning.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Shares of a choice poll with their 95% confidence intervals.
 * <p>
 * The interval is the Wilson score interval (E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22 (1927) 209-212), recommended over the simple Wald interval by R. G. Newcombe, "Two-sided
 * confidence intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17 (1998)
 * 857-872 (method 3), and by A. Agresti and B. A. Coull, "Approximate is better than 'exact' for interval estimation of
 * binomial proportions", The American Statistician 52 (1998) 119-126. With p = x/n and z the normal quantile:
 * <pre>
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √( p(1−p)/n + z²/4n² )
 * </pre>
 * It stays inside [0, 1] and is sensible for 0 of n and n of n, unlike the Wald interval.
 */
public final class Proportions {

    /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal, 1.959964… */
    public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private Proportions() {
    }

    /**
     * The 95% Wilson score interval of {@code successes} out of {@code n}.
     *
     * @return the interval on the 0..1 scale, or null when {@code n} is 0 (no votes: nothing to estimate)
     * @throws IllegalArgumentException when a count is negative or {@code successes > n}
     */
    public static Interval wilson95(long successes, long n) {
        return wilson(successes, n, Z95);
    }

    /** The Wilson score interval for a given normal quantile {@code z} (1.959964… for 95%); see the class comment. */
    public static Interval wilson(long successes, long n, double z) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return null;
        }
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** {@code part / whole}, or 0 when {@code whole} is 0. */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
