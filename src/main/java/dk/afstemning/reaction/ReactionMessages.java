package dk.afstemning.reaction;

import java.util.LinkedHashMap;
import java.util.Map;

/** The live messages of reactions. */
public final class ReactionMessages {

    private ReactionMessages() {
    }

    /**
     * To the talk's screens (the public screen feed and the presenter feed), at most once per
     * {@value ReactionService#PUSH_INTERVAL_MS} ms per talk while reactions come in:
     * {@code {"type":"reactions","slide":3,"counts":{"thumbs-up":12,…},"totals":{"thumbs-up":40,…},"total":57}}.
     * A screen floats up {@code counts} and shows {@code totals}; messages of another slide than the one it shows start
     * its counts afresh.
     *
     * @param slide the 1-based slide the reactions were sent on (the show's current slide then)
     * @param counts reactions of each kind since the last message of this slide (every kind, 0 included), in the order
     *        of {@link Reaction}
     * @param totals the slide's running totals per kind, since the talk began (as kept for the report)
     * @param total the sum of {@code totals}
     */
    public record Reactions(String type, int slide, Map<String, Long> counts, Map<String, Long> totals, long total) {

        static Reactions of(int slide, long[] counts, long[] totals) {
            long total = 0;
            for (long t : totals) {
                total += t;
            }
            return new Reactions("reactions", slide, byKind(counts), byKind(totals), total);
        }
    }

    /** The answer to an accepted reaction: it was counted. */
    public record Reacted(String type, String requestId, String reaction) {
        public Reacted(String requestId, Reaction reaction) {
            this("reacted", requestId, reaction.wireName());
        }
    }

    /** {@code counts} (indexed by {@link Reaction#ordinal()}) by wire name, in the enum's order. */
    static Map<String, Long> byKind(long[] counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Reaction r : Reaction.values()) {
            map.put(r.wireName(), counts[r.ordinal()]);
        }
        return map;
    }
}
