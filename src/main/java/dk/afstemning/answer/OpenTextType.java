package dk.afstemning.answer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteText;
import dk.afstemning.vote.Answer;

/**
 * {@code open}: free-text answers ({@code {"texts": ["…"]}}, one answer per request), each added to the participant's
 * earlier ones in the round, at most {@value #MAX_ANSWERS}. With {@code moderation: on} (the default) a new answer
 * waits until the presenter shows it; with {@code off} it is shown at once. An answer with a listed swear word is
 * stored hidden while the profanity filter is on. Only shown answers reach the public screen (results
 * {@code details}); the presenter's feed gets every answer ({@link TextModeration}), the author their own with status.
 */
class OpenTextType implements QuestionType {

    /** Answers per participant and round, as Slido lets several. */
    static final int MAX_ANSWERS = 3;
    /** Default and greatest {@code max-chars}. */
    static final int DEFAULT_CHARS = 280;
    static final int MAX_CHARS = 1000;
    /** Newest shown answers in the results. */
    static final int MAX_SHOWN = 200;

    /**
     * @param maxChars most user-visible characters per answer
     * @param moderation whether answers wait for the presenter
     * @param shown the number of shown answers in the round
     * @param answers the shown answers, newest first, at most {@value #MAX_SHOWN}
     */
    public record Details(int maxChars, boolean moderation, long shown, List<TextModeration.Item> answers) {
    }

    @Override
    public String name() {
        return "open";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("max-chars", "moderation", "profanity-filter");
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
    public boolean adds() {
        return true;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        if (answer.texts() != null && answer.texts().size() > 1) {
            throw new ApiProblem(422, "too-many-entries", "One answer at a time",
                    "Poll '" + poll.key + "' takes one answer per request");
        }
        return Answer.texts(TextEntries.check(poll, answer, 1, maxChars(poll)));
    }

    @Override
    public void checkAgainst(Poll poll, Optional<Vote> current, Answer answer) {
        if (current.isPresent() && VoteText.listByVote(current.get()).size() >= MAX_ANSWERS) {
            throw new ApiProblem(422, "too-many-answers", "Too many answers", "Poll '" + poll.key
                    + "' takes at most " + MAX_ANSWERS + " answers per participant in a round");
        }
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        List<VoteText> earlier = VoteText.listByVote(vote);
        String text = answer.texts().get(0);
        String status = TextEntries.status(vote.poll, text, moderated(vote.poll) ? VoteText.WAITING : VoteText.SHOWN);
        VoteText.add(vote, earlier.size(), text, dk.afstemning.text.TextNormalizer.key(text), status);
        // The author's phone shows the status of each of their answers: tell it after commit.
        CDI.current().getBeanManager().getEvent().select(TextModeration.Changed.class)
                .fire(new TextModeration.Changed(vote.poll.id, vote.poll.talk.joinCode, List.of(vote.participant.id)));
    }

    @Override
    public Answer answerOf(Vote vote) {
        return Answer.texts(VoteText.listByVote(vote).stream().map(t -> t.text).toList());
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        List<TextModeration.Item> shown = KeptVotes.list(poll.id, round, VoteText.SHOWN).stream()
                .map(t -> new TextModeration.Item(t.id(), t.text())).toList();
        List<TextModeration.Item> newest = new java.util.ArrayList<>(shown);
        java.util.Collections.reverse(newest);
        newest = newest.subList(0, Math.min(newest.size(), MAX_SHOWN));
        return new Details(maxChars(poll), moderated(poll), shown.size(), newest);
    }

    static int maxChars(Poll poll) {
        return poll.maxChars == null ? DEFAULT_CHARS : poll.maxChars;
    }

    static boolean moderated(Poll poll) {
        return poll.moderation == null || poll.moderation;
    }
}
