package dk.afstemning.stats;

import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Summary of numeric answers (a scale or a slider): mean, standard deviation, a 95% confidence interval for the mean and
 * the distribution of values.
 * <p>
 * The interval is Student's t interval, mean ± t(0.975, n−1) · s/√n with s the sample standard deviation (divisor
 * n−1): W. S. Gosset ("Student"), "The probable error of a mean", Biometrika 6 (1908) 1-25; as in any textbook, e.g.
 * D. S. Moore, G. P. McCabe and B. A. Craig, Introduction to the Practice of Statistics, §7.1, and R's
 * {@code t.test}. The t quantile comes from Apache Commons Math.
 */
public final class Means {

    private Means() {
    }

    /**
     * The summary of some values.
     *
     * @param n number of values
     * @param mean arithmetic mean, or null when n is 0
     * @param sd sample standard deviation (divisor n−1), or null when n is below 2
     * @param ci95 95% t interval for the mean, or null when n is below 2
     * @param distribution how many times each value occurs, by value ascending
     */
    public record Summary(long n, Double mean, Double sd, Interval ci95, Map<Double, Long> distribution) {
    }

    /** Summarises {@code values}; see the class comment for the formula. */
    public static Summary summarise(double[] values) {
        Map<Double, Long> distribution = new TreeMap<>();
        for (double v : values) {
            distribution.merge(v, 1L, Long::sum);
        }
        int n = values.length;
        if (n == 0) {
            return new Summary(0, null, null, null, distribution);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, mean, null, null, distribution);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, new Interval(mean - half, mean + half), distribution);
    }
}
