package dk.afstemning.polltype;

import java.util.List;

/**
 * What a type read from its deck keys ({@link PollType#readDeckKeys}), each null when the type does not use it; the
 * deck parser keeps it as the poll spec's answers.
 *
 * @param min {@code multiple}: fewest selections; {@code scale}: the lowest value
 * @param max {@code multiple}: most selections; {@code scale}: the highest value; {@code wordcloud}: most entries
 * @param low {@code scale}: label of the low end; {@code slider}: the left pole
 * @param high {@code scale}: label of the high end; {@code slider}: the right pole
 * @param correct {@code quiz}: keys of the right options; empty otherwise
 * @param maxChars {@code wordcloud}, {@code open}: most user-visible characters per entry
 * @param profanityFilter {@code wordcloud}, {@code open}: the block's {@code profanity-filter}, or null to follow the
 *        deck's
 * @param moderation {@code open}: whether answers wait for the presenter
 */
public record DeckSettings(Integer min, Integer max, String low, String high, List<String> correct, Integer maxChars,
        Boolean profanityFilter, Boolean moderation) {

    /** A type without keys of its own. */
    public static final DeckSettings NONE = new DeckSettings(null, null, null, null, List.of(), null, null, null);
}
