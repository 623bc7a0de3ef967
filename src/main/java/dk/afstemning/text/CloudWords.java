package dk.afstemning.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a word cloud, on counts the database grouped by merge key and spelling. Pure functions, so each
 * value can be checked exactly.
 */
public final class CloudWords {

    private CloudWords() {
    }

    /**
     * One spelling of an entry as the database grouped it.
     *
     * @param key the merge key ({@code TextNormalizer.key})
     * @param text the spelling as typed (trimmed)
     * @param count how many entries had this spelling
     * @param firstId the id of the first entry with this spelling (smaller is earlier)
     */
    public record Spelling(String key, String text, long count, long firstId) {
    }

    /**
     * One merged word.
     *
     * @param text the word as shown: the most common spelling among the merged entries; on a tie the one seen first
     * @param count entries merged into it (each participant's answer holds a word at most once)
     */
    public record Word(String text, long count) {
    }

    /** Rows of {@code [String mergeKey, String text, Long count, Long firstId]} (as the database grouped them). */
    public static List<Spelling> spellings(List<Object[]> rows) {
        return rows.stream().map(r -> new Spelling((String) r[0], (String) r[1], (Long) r[2], (Long) r[3])).toList();
    }

    /**
     * Merges spellings with the same key into words, most entries first (ties: the shown text in code point order).
     * "Ledelse", " ledelse " (stored trimmed), "LEDELSE": one word of count 3 shown as the most common spelling.
     */
    public static List<Word> merge(List<Spelling> spellings) {
        Map<String, List<Spelling>> byKey = new LinkedHashMap<>();
        for (Spelling s : spellings) {
            byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
        }
        List<Word> words = new ArrayList<>();
        for (List<Spelling> group : byKey.values()) {
            Spelling shown = group.stream().min(Comparator.comparingLong(Spelling::count).reversed()
                    .thenComparingLong(Spelling::firstId)).orElseThrow();
            words.add(new Word(shown.text(), group.stream().mapToLong(Spelling::count).sum()));
        }
        words.sort(Comparator.comparingLong(Word::count).reversed().thenComparing(Word::text));
        return words;
    }
}
