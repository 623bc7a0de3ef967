package dk.afstemning.polltype.scale;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.afstemning.poll.Poll;
import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.NumberType;
import dk.afstemning.polltype.Tallies;

/**
 * {@code scale}: a whole number from the deck's {@code min} (0 or 1, default 1) to {@code max} (default 5, at most
 * {@value #MAX_POINTS} points), labels {@code low} and {@code high} at the ends; results: one bar per value, mean and
 * median ({@link NumberType}).
 */
@ApplicationScoped
public class ScaleType extends NumberType {

    /** Most points a scale may have (e.g. 0–10). */
    static final int MAX_POINTS = 11;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("min", "max", "low", "high");
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        Integer min = keys.whole("min");
        Integer max = keys.whole("max");
        String low = keys.text("low");
        String high = keys.text("high");
        int lo = min == null ? 1 : min;
        int hi = max == null ? 5 : max;
        if (lo < 0 || lo > 1) {
            throw keys.error("min", "scale_min", lo);
        }
        if (hi <= lo || hi - lo + 1 > MAX_POINTS) {
            throw keys.error(keys.has("max") ? "max" : "min", "scale_max", lo + 1, lo + MAX_POINTS - 1, hi);
        }
        return new DeckSettings(lo, hi, low, high, List.of(), null, null, null);
    }

    @Override
    protected int min(Poll poll) {
        return poll.minAnswers == null ? 1 : poll.minAnswers;
    }

    @Override
    protected int max(Poll poll) {
        return poll.maxAnswers == null ? 5 : poll.maxAnswers;
    }

    @Override
    protected List<Tallies.Bar> bars(Poll poll, Map<Integer, Long> counts) {
        return Tallies.distribution(counts, min(poll), max(poll));
    }
}
