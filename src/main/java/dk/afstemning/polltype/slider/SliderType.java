package dk.afstemning.polltype.slider;

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
 * {@code slider}: a whole number from 0 to 100 between the poles {@code low} and {@code high} (both required);
 * results: a histogram of {@link #BINS} bins ({@link Tallies#histogram}), mean and median ({@link NumberType}).
 */
@ApplicationScoped
public class SliderType extends NumberType {

    /** Slider histograms have this many bins of equal width over 0–100. */
    static final int BINS = Tallies.SLIDER_BINS;

    @Override
    public String name() {
        return "slider";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("low", "high");
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        String low = keys.text("low");
        String high = keys.text("high");
        if (low == null || high == null) {
            throw keys.blockError("slider_poles", keys.pollId());
        }
        return new DeckSettings(null, null, low, high, List.of(), null, null, null);
    }

    @Override
    protected int min(Poll poll) {
        return 0;
    }

    @Override
    protected int max(Poll poll) {
        return 100;
    }

    @Override
    protected List<Tallies.Bar> bars(Poll poll, Map<Integer, Long> counts) {
        return Tallies.histogram(counts, BINS);
    }
}
