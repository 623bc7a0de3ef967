package dk.afstemning.answer;

import java.util.List;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteText;
import dk.afstemning.text.CloudWords;
import dk.afstemning.vote.Answer;

/**
 * {@code wordcloud}: up to {@code max-entries} short entries per participant ({@code {"texts": ["Tillid", "Tid"]}});
 * a changed answer replaces the whole set. Entries merge under their {@code TextNormalizer} key and are shown in their
 * most common spelling ({@link CloudWords#merge}). With the profanity filter on (the default), an entry with a listed
 * word is stored but hidden: it counts nowhere and the participant is not told, as Mentimeter does.
 */
class WordCloudType implements QuestionType {

    /** Default and greatest {@code max-entries}. */
    static final int DEFAULT_ENTRIES = 3;
    static final int MAX_ENTRIES = 10;
    /** Default and greatest {@code max-chars}. */
    static final int DEFAULT_CHARS = 25;
    static final int MAX_CHARS = 50;
    /** Most words listed in the results (most entries first); the cloud lays out as many as fit. */
    static final int MAX_WORDS = 100;

    /**
     * @param maxEntries most entries per participant
     * @param maxChars most user-visible characters per entry
     * @param entries entries counted in the round (hidden ones not included)
     * @param distinct different words after merging
     * @param words the {@value #MAX_WORDS} most common words with their place in the cloud
     */
    public record Details(int maxEntries, int maxChars, long entries, int distinct, List<CloudLayout.Placed> words) {
    }

    @Override
    public String name() {
        return "wordcloud";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("max-entries", "max-chars", "profanity-filter");
    }

    @Override
    public boolean hasOptions() {
        return false;
    }

    @Override
    public boolean takesTexts() {
        return true;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        return Answer.texts(TextEntries.check(poll, answer, maxEntries(poll), maxChars(poll)));
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        VoteText.deleteByVote(vote);
        int position = 0;
        for (String text : answer.texts()) {
            VoteText.add(vote, position++, text, dk.afstemning.text.TextNormalizer.key(text),
                    TextEntries.status(vote.poll, text, VoteText.SHOWN));
        }
    }

    @Override
    public Answer answerOf(Vote vote) {
        return Answer.texts(VoteText.listByVote(vote).stream().map(t -> t.text).toList());
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        List<CloudWords.Word> words = CloudWords.merge(KeptVotes.shownSpellings(poll.id, round));
        long entries = words.stream().mapToLong(CloudWords.Word::count).sum();
        return new Details(maxEntries(poll), maxChars(poll), entries, words.size(),
                CloudLayout.layout(words.subList(0, Math.min(words.size(), MAX_WORDS))));
    }

    static int maxEntries(Poll poll) {
        return poll.maxAnswers == null ? DEFAULT_ENTRIES : poll.maxAnswers;
    }

    static int maxChars(Poll poll) {
        return poll.maxChars == null ? DEFAULT_CHARS : poll.maxChars;
    }
}
