package dk.afstemning.polltype;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.afstemning.polltype.ReportItems.TextAnswer;
import dk.afstemning.text.CloudWords;

/**
 * What a round's report is computed from: the counts the database grouped, keyed by option deck id (not database id),
 * so that the same question in several talks can be added up ({@link #plus}). Each type fills the maps it needs.
 *
 * @param n participants who answered in the round
 * @param byOption choice, quiz: votes per option; multiple: voters who ticked the option; open: answers per status
 * @param byValue scale, slider: votes per value
 * @param byPlace ranking: per option, votes per 0-based place
 * @param spellings wordcloud: the shown entries grouped by merge key and spelling, merged by {@link CloudWords#merge}
 * @param answers open: every answer with its status, oldest first
 * @param hidden wordcloud, open: hidden entries
 */
public record RoundCounts(long n, Map<String, Long> byOption, Map<Integer, Long> byValue,
        Map<String, Map<Integer, Long>> byPlace, List<CloudWords.Spelling> spellings, List<TextAnswer> answers,
        long hidden) {

    /** No votes. */
    public static final RoundCounts NONE = new RoundCounts(0, Map.of(), Map.of(), Map.of());

    /** The counts of a type without text entries. */
    public RoundCounts(long n, Map<String, Long> byOption, Map<Integer, Long> byValue,
            Map<String, Map<Integer, Long>> byPlace) {
        this(n, byOption, byValue, byPlace, List.of(), List.of(), 0);
    }

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
        // The same spelling in both: one spelling with the counts added, so the most common spelling is chosen right.
        Map<List<String>, CloudWords.Spelling> words = new LinkedHashMap<>();
        for (CloudWords.Spelling s : concat(spellings, other.spellings)) {
            words.merge(List.of(s.key(), s.text()), s, (a, b) -> new CloudWords.Spelling(a.key(), a.text(),
                    a.count() + b.count(), Math.min(a.firstId(), b.firstId())));
        }
        return new RoundCounts(n + other.n, options, values, places, List.copyOf(words.values()),
                concat(answers, other.answers), hidden + other.hidden);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
