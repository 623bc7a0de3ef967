package dk.afstemning.polltype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The arithmetic behind the results of number and ranking polls, on counts the database grouped (nothing is read vote
 * by vote). Pure functions, so that each value can be checked exactly.
 */
public final class Tallies {

    /** Slider histograms have this many bins of equal width over 0–100. */
    public static final int SLIDER_BINS = 10;

    private Tallies() {
    }

    /**
     * One bar of a distribution or histogram.
     *
     * @param from lowest value counted (inclusive)
     * @param to highest value counted (inclusive)
     * @param count votes in the bar
     */
    public record Bar(int from, int to, long count) {
    }

    /**
     * The distribution of a scale: one bar per scale point from {@code min} to {@code max}, values outside ignored.
     *
     * @param counts votes per value
     */
    public static List<Bar> distribution(Map<Integer, Long> counts, int min, int max) {
        List<Bar> bars = new ArrayList<>();
        for (int v = min; v <= max; v++) {
            bars.add(new Bar(v, v, counts.getOrDefault(v, 0L)));
        }
        return bars;
    }

    /**
     * A histogram of 0–100 in {@code bins} bins of equal width; every bin holds {@code [from, to]} whole values and
     * the last one ends at 100 inclusive. With 10 bins: 0–9, 10–19, …, 80–89, 90–100.
     */
    public static List<Bar> histogram(Map<Integer, Long> counts, int bins) {
        int width = 100 / bins;
        List<Bar> bars = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int from = b * width;
            int to = b == bins - 1 ? 100 : from + width - 1;
            long count = 0;
            for (var e : counts.entrySet()) {
                if (e.getKey() >= from && e.getKey() <= to) {
                    count += e.getValue();
                }
            }
            bars.add(new Bar(from, to, count));
        }
        return bars;
    }

    /** The arithmetic mean of the values weighted by their counts, or null without votes. */
    public static Double mean(Map<Integer, Long> counts) {
        long n = 0;
        long sum = 0;
        for (var e : counts.entrySet()) {
            n += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        return n == 0 ? null : (double) sum / n;
    }

    /**
     * The median of the values weighted by their counts: the middle value, or for an even number of votes the mean of
     * the two middle values (so 1, 2, 4, 5 has median 3.0). Null without votes.
     */
    public static Double median(Map<Integer, Long> counts) {
        SortedMap<Integer, Long> sorted = new TreeMap<>(counts);
        long n = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        // 0-based ranks of the two middle values (equal when n is odd)
        long lowRank = (n - 1) / 2;
        long highRank = n / 2;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (var e : sorted.entrySet()) {
            seen += e.getValue();
            if (low == null && seen > lowRank) {
                low = e.getKey();
            }
            if (seen > highRank) {
                high = e.getKey();
                break;
            }
        }
        return (low + high) / 2.0;
    }

    /**
     * The ranking of one option.
     *
     * @param optionId the option's id
     * @param text the option text
     * @param averageRank mean place (1 is first) over the votes that ranked it, or null when none did
     * @param borda Borda points (see {@link #borda})
     * @param first how many put it first
     */
    public record Ranked(long optionId, String text, Double averageRank, long borda, long first) {
    }

    /**
     * Average rank and Borda points per option, in the given option order. The Borda count (Jean-Charles de Borda,
     * "Mémoire sur les élections au scrutin", 1781; the common form described at
     * https://en.wikipedia.org/wiki/Borda_count): with {@code n} options, a ranking gives {@code n - 1} points to its
     * first place, {@code n - 2} to the second, … and 0 to the last, i.e. {@code n - 1 - position} for the 0-based
     * position.
     *
     * @param n the number of options ranked
     * @param places per option id, votes per 0-based position
     * @param options option ids and texts, in the order to report
     */
    public static List<Ranked> borda(int n, Map<Long, Map<Integer, Long>> places, List<Map.Entry<Long, String>> options) {
        List<Ranked> result = new ArrayList<>();
        for (var option : options) {
            Map<Integer, Long> byPosition = places.getOrDefault(option.getKey(), Map.of());
            long votes = 0;
            long rankSum = 0;
            long points = 0;
            for (var e : byPosition.entrySet()) {
                votes += e.getValue();
                rankSum += (e.getKey() + 1L) * e.getValue();
                points += Math.max(0, n - 1 - e.getKey()) * e.getValue();
            }
            result.add(new Ranked(option.getKey(), option.getValue(), votes == 0 ? null : (double) rankSum / votes,
                    points, byPosition.getOrDefault(0, 0L)));
        }
        return result;
    }

    /** Quiz points for a right answer given at once; a right answer at the time limit gets half of this. */
    public static final int QUIZ_MAX_POINTS = 1000;

    /**
     * Quiz points, in the manner of Kahoot: a wrong answer gets 0; a right one gets
     * {@code round(1000 * (1 - t / limit / 2))} where {@code t} is the time from the poll's opening to the answer on
     * the server's clock, clamped to {@code [0, limit]}. So 1000 at once, 750 at half the limit, 500 at the limit.
     *
     * @param elapsedMs milliseconds from opening to the answer
     * @param limitMs the time limit in milliseconds, more than 0
     */
    public static int quizPoints(boolean correct, long elapsedMs, long limitMs) {
        if (!correct) {
            return 0;
        }
        double t = Math.min(Math.max(elapsedMs, 0), limitMs);
        return (int) Math.round(QUIZ_MAX_POINTS * (1 - t / limitMs / 2));
    }
}
