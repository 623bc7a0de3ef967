package dk.afstemning.report;

import java.util.HashMap;
import java.util.Map;

/**
 * What a round's report is computed from: the counts the database grouped, keyed by option deck id (not database id),
 * so that the same question in several talks can be added up ({@link #plus}). Each type fills the maps it needs.
 *
 * @param n participants who answered in the round
 * @param byOption choice, quiz: votes per option; multiple: voters who ticked the option
 * @param byValue scale, slider: votes per value
 * @param byPlace ranking: per option, votes per 0-based place
 */
public record RoundCounts(long n, Map<String, Long> byOption, Map<Integer, Long> byValue,
        Map<String, Map<Integer, Long>> byPlace) {

    /** No votes. */
    public static final RoundCounts NONE = new RoundCounts(0, Map.of(), Map.of(), Map.of());

    /** Both rounds' counts added up, for the pooled total of a question across talks. */
    public RoundCounts plus(RoundCounts other) {
        Map<String, Long> options = new HashMap<>(byOption);
        other.byOption.forEach((k, v) -> options.merge(k, v, Long::sum));
        Map<Integer, Long> values = new HashMap<>(byValue);
        other.byValue.forEach((k, v) -> values.merge(k, v, Long::sum));
        Map<String, Map<Integer, Long>> places = new HashMap<>();
        byPlace.forEach((k, v) -> places.put(k, new HashMap<>(v)));
        other.byPlace.forEach((k, v) -> v.forEach((place, count) -> places.computeIfAbsent(k, x -> new HashMap<>())
                .merge(place, count, Long::sum)));
        return new RoundCounts(n + other.n, options, values, places);
    }
}
