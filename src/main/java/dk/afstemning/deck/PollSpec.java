package dk.afstemning.deck;

import java.util.List;

/**
 * A fenced {@code poll} block of a deck.
 *
 * @param id the stable poll id from the block; polls with the same id line up across imports and talks
 * @param type the poll type: {@code choice}, {@code multiple}, {@code scale}, {@code slider}, {@code ranking},
 *        {@code quiz}, {@code wordcloud} or {@code open} (see {@code dk.afstemning.polltype.PollType})
 * @param question the question as written
 * @param options the options in order, at least 2 and at most {@code PollType.MAX_OPTIONS} (10 for a
 *        ranking); empty for scale, slider, wordcloud and open
 * @param line 1-based line of the block's opening fence in the deck file
 * @param settings how the poll runs
 * @param answers the type's own settings
 */
public record PollSpec(String id, String type, String question, List<OptionSpec> options, int line,
        Settings settings, Answers answers) {

    /** A poll with no type-specific settings (a choice poll). */
    public PollSpec(String id, String type, String question, List<OptionSpec> options, int line, Settings settings) {
        this(id, type, question, options, line, settings, Answers.NONE);
    }

    /**
     * The type-specific keys of a poll block, each null when the type does not use it.
     *
     * @param min {@code multiple}: fewest selections; {@code scale}: the lowest value
     * @param max {@code multiple}: most selections; {@code scale}: the highest value
     * @param low {@code scale}: label of the low end; {@code slider}: the left pole
     * @param high {@code scale}: label of the high end; {@code slider}: the right pole
     * @param correct {@code quiz}: keys of the right options
     * @param maxChars {@code wordcloud}, {@code open}: most user-visible characters per entry
     * @param profanityFilter {@code wordcloud}, {@code open}: the block's {@code profanity-filter}, or null to follow
     *        the deck's
     * @param moderation {@code open}: whether answers wait for the presenter (default true)
     */
    public record Answers(Integer min, Integer max, String low, String high, List<String> correct, Integer maxChars,
            Boolean profanityFilter, Boolean moderation) {
        public static final Answers NONE = new Answers(null, null, null, null, List.of());

        /** The keys of the option and number types. */
        public Answers(Integer min, Integer max, String low, String high, List<String> correct) {
            this(min, max, low, high, correct, null, null, null);
        }
    }

    /**
     * Poll settings from the block.
     *
     * @param resultsHidden {@code results: hidden}: the screen shows no counts until the presenter reveals them
     * @param voteChanges {@code vote-changes: false} forbids changing a vote once cast; default true
     * @param timeLimitSeconds {@code time-limit: 60}: seconds from opening until the server closes the poll, or null
     * @param phoneResults {@code phone-results}: {@code after-vote}, {@code after-close} or {@code never}; null to
     *        follow the deck's front matter
     */
    public record Settings(boolean resultsHidden, boolean voteChanges, Integer timeLimitSeconds, String phoneResults) {
        public static final Settings DEFAULT = new Settings(false, true, null);

        /** Settings that follow the deck's {@code phone-results}. */
        public Settings(boolean resultsHidden, boolean voteChanges, Integer timeLimitSeconds) {
            this(resultsHidden, voteChanges, timeLimitSeconds, null);
        }
    }

    /**
     * One option of a poll.
     *
     * @param key stable key: the option's {@code id} when given, otherwise derived from its text
     * @param text the option text exactly as written
     */
    public record OptionSpec(String key, String text) {
    }

    /** Whether the option with this key is a right answer of a quiz. */
    public boolean isCorrect(OptionSpec option) {
        return answers.correct().contains(option.key());
    }
}
