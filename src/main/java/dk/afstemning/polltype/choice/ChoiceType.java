package dk.afstemning.polltype.choice;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.SingleOptionType;

/**
 * {@code choice}, the default type: one option per participant ({@code {"optionId": 1}}); results are counts per
 * option, the report each option's share of the votes ({@link SingleOptionType}). No deck keys of its own.
 */
@ApplicationScoped
public class ChoiceType extends SingleOptionType {

    @Override
    public String name() {
        return "choice";
    }

    @Override
    public boolean isDefault() {
        return true;
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of();
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        return DeckSettings.NONE;
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return null;
    }
}
