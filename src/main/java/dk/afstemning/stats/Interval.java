package dk.afstemning.stats;

/**
 * A two-sided confidence interval, in the unit of the estimate (a share from 0 to 1, or the scale's unit).
 *
 * @param lower lower bound
 * @param upper upper bound
 */
public record Interval(double lower, double upper) {
}
