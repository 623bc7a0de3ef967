package dk.afstemning.stats;

/**
 * The plain small-sample warning shown next to results. The rule: warn when n &lt; 30 (too few answers for a share or
 * a mean to be more than indicative; a common rule of thumb for the normal approximation), or, for a comparison, when
 * any expected count of the chi-square table is below 5 (W. G. Cochran, "Some methods for strengthening the common χ²
 * tests", Biometrics 10 (1954) 417-451, whose rule the p-value's approximation needs).
 */
public final class SmallSample {

    /** Below this many answers a result gets the warning. */
    public static final int MIN_N = 30;

    /** Below this expected count a chi-square p-value gets the warning. */
    public static final double MIN_EXPECTED = 5;

    private SmallSample() {
    }

    /** True when {@code n} answers are too few for the estimate to be more than indicative. */
    public static boolean warnN(long n) {
        return n < MIN_N;
    }

    /** True when the smallest expected count of a chi-square table is below {@link #MIN_EXPECTED}. */
    public static boolean warnExpected(double smallestExpected) {
        return smallestExpected < MIN_EXPECTED;
    }
}
