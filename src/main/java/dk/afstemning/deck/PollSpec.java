package dk.afstemning.deck;

import java.util.List;

/**
 * A fenced {@code poll} block of a deck.
 *
 * @param id the stable poll id from the block; polls with the same id line up across imports and talks
 * @param type the poll type; only {@code choice} (single choice) so far
 * @param question the question as written
 * @param options the options in order, at least 2 and at most {@link PollBlockParser#MAX_OPTIONS}
 * @param line 1-based line of the block's opening fence in the deck file
 */
public record PollSpec(String id, String type, String question, List<OptionSpec> options, int line) {

    /**
     * One option of a poll.
     *
     * @param key stable key: the option's {@code id} when given, otherwise derived from its text
     * @param text the option text exactly as written
     */
    public record OptionSpec(String key, String text) {
    }
}
