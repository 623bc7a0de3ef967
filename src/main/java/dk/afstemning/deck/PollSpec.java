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
 * @param settings how the poll runs
 */
public record PollSpec(String id, String type, String question, List<OptionSpec> options, int line,
        Settings settings) {

    /**
     * Poll settings from the block.
     *
     * @param resultsHidden {@code results: hidden}: the screen shows no counts until the presenter reveals them
     * @param voteChanges {@code vote-changes: false} forbids changing a vote once cast; default true
     * @param timeLimitSeconds {@code time-limit: 60}: seconds from opening until the server closes the poll, or null
     */
    public record Settings(boolean resultsHidden, boolean voteChanges, Integer timeLimitSeconds) {
        public static final Settings DEFAULT = new Settings(false, true, null);
    }

    /**
     * One option of a poll.
     *
     * @param key stable key: the option's {@code id} when given, otherwise derived from its text
     * @param text the option text exactly as written
     */
    public record OptionSpec(String key, String text) {
    }
}
