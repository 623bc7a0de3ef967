package dk.afstemning.polltype;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.Graphemes;
import dk.afstemning.text.TextNormalizer;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.TextsAnswer;
import dk.afstemning.vote.VoteText;

/** The checks shared by the free-text types (word cloud, open text): length in user-visible characters, emptiness. */
public final class TextEntries {

    /** Most UTF-16 units in one entry whatever its length in user-visible characters (the column's size). */
    static final int MAX_UNITS = 4000;

    private TextEntries() {
    }

    /**
     * The entries trimmed, with entries that merge with an earlier one of the same answer dropped (a participant's
     * "Tillid" and "tillid" count once), in the order sent.
     *
     * @throws ApiProblem 400 {@code invalid-answer} without texts or with a missing one; 422 {@code empty-entry},
     *         {@code too-many-entries} (more than {@code maxEntries}) or {@code entry-too-long} (over {@code maxChars}
     *         user-visible characters, Unicode grapheme clusters)
     */
    public static List<String> check(Poll poll, Answer answer, int maxEntries, int maxChars) {
        if (!(answer instanceof TextsAnswer sent)) {
            throw PollType.wrongShape(poll, "texts, a list of text entries");
        }
        List<String> texts = sent.texts();
        if (texts.isEmpty()) {
            throw new ApiProblem(422, "empty-entry", "No entry", "Write at least one entry");
        }
        if (texts.size() > maxEntries) {
            throw new ApiProblem(422, "too-many-entries", "Too many entries",
                    "Poll '" + poll.key + "' takes at most " + maxEntries + " entries, not " + texts.size());
        }
        List<String> entries = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                throw PollType.wrongShape(poll, "texts, a list of text entries");
            }
            String entry = text.strip();
            if (entry.isEmpty()) {
                throw new ApiProblem(422, "empty-entry", "Empty entry", "An entry must not be empty");
            }
            int length = Graphemes.count(entry);
            if (length > maxChars) {
                throw new ApiProblem(422, "entry-too-long", "Entry too long", "An entry of poll '" + poll.key
                        + "' may have at most " + maxChars + " characters, not " + length);
            }
            if (entry.length() > MAX_UNITS) {
                // Within the characters, but emoji and accents take more room than the column holds.
                throw new ApiProblem(422, "entry-too-long", "Entry too long", "An entry of poll '" + poll.key
                        + "' has " + length + " characters, but its emoji or accents take " + entry.length()
                        + " units of the " + MAX_UNITS + " an entry may take");
            }
            if (keys.add(TextNormalizer.key(entry))) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The status a new entry gets: hidden when the poll filters profanity and it matches, else {@code otherwise}. */
    public static String status(Poll poll, String entry, String otherwise) {
        return poll.filtersProfanity() && poll.talk.wordFilter().matches(entry) ? VoteText.HIDDEN : otherwise;
    }
}
