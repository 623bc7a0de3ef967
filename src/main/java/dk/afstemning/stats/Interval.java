package dk.afstemning.stats;

/**
 * A two-sided confidence interval, in the unit of the estimate (a share from 0 to 1, or the scale's unit).
 *
 * @param lower lower bound
 * @param upper upper bound
 */
public record Interval(double lower, double upper) {

    /**
     * This interval cut to {@code [min, max]}: for an estimate that cannot lie outside that range (the mean of a 1–5
     * scale), where a symmetric interval such as Student's t may run past its ends.
     */
    public Interval clampedTo(double min, double max) {
        return new Interval(Math.min(max, Math.max(min, lower)), Math.max(min, Math.min(max, upper)));
    }
}
