package dk.afstemning.polltype.open;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.poll.PollService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.vote.VoteText;

/**
 * The presenter's moderation of open-text answers: show an answer on the screen or hide it. Each call is idempotent
 * (showing a shown answer changes nothing and pushes nothing); a change bumps the poll's version, so the public
 * results, the presenter's list and the author's phone are pushed after commit.
 */
@ApplicationScoped
@Transactional
public class TextModeration {

    @Inject
    TalkService talks;

    @Inject
    PollService polls;

    @Inject
    Event<PollChanged> pollChanges;

    @Inject
    Event<Changed> changes;

    @Inject
    OpenType open;

    /**
     * An answer as the public screen shows it.
     *
     * @param id the answer's id, for moderation
     * @param text exactly as typed (trimmed); pages show it as plain text
     */
    public record Item(long id, String text) {
    }

    /**
     * An answer with its status, for the presenter and for its author.
     *
     * @param status {@code shown}, {@code waiting} (for the presenter) or {@code hidden}
     */
    public record Moderated(long id, String text, String status) {
    }

    /** To presenter feeds opened with the key: every answer of the poll's current round, oldest first. */
    public record Queue(String type, String pollId, int round, long version, List<Moderated> answers) {
        Queue(String pollId, int round, long version, List<Moderated> answers) {
            this("moderation", pollId, round, version, answers);
        }
    }

    /** To a participant: their own answers of the poll's current round with their status. */
    public record Mine(String type, String pollId, int round, List<Moderated> answers) {
        Mine(String pollId, int round, List<Moderated> answers) {
            this("open-mine", pollId, round, answers);
        }
    }

    /** Fired in the transaction that changed open answers; pushed after commit. */
    public record Changed(long pollId, String joinCode, List<Long> participantIds) {
    }

    private boolean isOpen(Poll poll) {
        return open.name().equals(poll.type);
    }

    private static List<Moderated> moderated(List<VoteText> texts) {
        return texts.stream().map(t -> new Moderated(t.id, t.text, t.status)).toList();
    }

    /**
     * Shows ({@code shown}) or hides ({@code hidden}) one answer of an open-text poll.
     *
     * @throws ApiProblem 403 wrong presenter key, 404 unknown talk, poll or answer, 409 the poll is not an open-text
     *         poll, 400 another status
     */
    public Moderated moderate(String code, String pollKey, String presenterKey, long answerId, String status) {
        if (!VoteText.SHOWN.equals(status) && !VoteText.HIDDEN.equals(status)) {
            throw ApiProblem.badRequest("invalid-status", "status must be 'shown' or 'hidden'");
        }
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        Poll poll = polls.require(talk, pollKey);
        if (!isOpen(poll)) {
            throw new ApiProblem(409, "not-open-text", "Not an open-text poll",
                    "Poll '" + pollKey + "' is a " + poll.type + " poll; only open-text answers are moderated");
        }
        VoteText answer = VoteText.findInPoll(poll.id, answerId).orElseThrow(() -> ApiProblem.notFound("answer",
                "Poll '" + pollKey + "' has no answer " + answerId));
        if (!status.equals(answer.status)) {
            answer.status = status;
            Poll.update("version = version + 1 where id = ?1", poll.id);
            pollChanges.fire(new PollChanged(poll.id, talk.joinCode, false));
            changes.fire(new Changed(poll.id, talk.joinCode, List.of(answer.vote.participant.id)));
        }
        return new Moderated(answer.id, answer.text, answer.status);
    }

    /** The presenter's list of a poll, or null when it is not an open-text poll. */
    public Queue queue(long pollId) {
        Poll poll = Poll.findById(pollId);
        if (poll == null || !isOpen(poll) || poll.archived) {
            return null;
        }
        return new Queue(poll.key, poll.round, poll.version, moderated(VoteText.listInRound(poll.id, poll.round, null)));
    }

    /** The presenter's lists of every open-text poll of a talk. */
    public List<Queue> queues(String code) {
        return Poll.listActiveByTalk(talks.require(code)).stream().filter(this::isOpen)
                .map(p -> queue(p.id)).toList();
    }

    /** A participant's own answers in the current round of each open-text poll of a talk where they answered. */
    public List<Mine> mine(String code, long participantId) {
        return Poll.listActiveByTalk(talks.require(code)).stream().filter(this::isOpen)
                .map(p -> mine(p, participantId)).filter(m -> !m.answers().isEmpty()).toList();
    }

    /** A participant's own answers in the poll's current round. */
    public Mine mine(long pollId, long participantId) {
        return mine((Poll) Poll.findById(pollId), participantId);
    }

    private static Mine mine(Poll poll, long participantId) {
        return new Mine(poll.key, poll.round, moderated(VoteText.list(
                "vote.poll.id = ?1 and vote.round = ?2 and vote.participant.id = ?3 order by position",
                poll.id, poll.round, participantId)));
    }
}
