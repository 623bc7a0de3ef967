package dk.afstemning.vote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dk.afstemning.metrics.VoteMetered;
import dk.afstemning.answer.Answer;
import dk.afstemning.answer.QuestionType;
import dk.afstemning.answer.QuestionTypes;
import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/**
 * Casts votes: validate, commit, then acknowledge. Each vote transaction first bumps the poll's version with an UPDATE
 * guarded by {@code status = OPEN}; that row lock orders the vote against a concurrent close, so a vote is either
 * committed while the poll is open or refused with {@code poll-closed}, never acknowledged and dropped.
 */
@ApplicationScoped
public class VoteService {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    TalkService talks;

    @Inject
    ParticipantService participants;

    @Inject
    Event<PollChanged> changes;

    @Inject
    VoteHooks hooks;

    /**
     * Casts a single-choice vote; see {@link #cast(String, String, String, Answer, String)}.
     */
    public VoteAck cast(String code, String pollKey, String token, long optionId, String requestId) {
        return cast(code, pollKey, token, Answer.option(optionId), requestId);
    }

    /**
     * @param code join code of the talk
     * @param pollKey the poll's deck id
     * @param token the participant's token
     * @param answer the answer in the shape of the poll's type ({@link Answer})
     * @param requestId the client's id for this request, reused on every resend; null makes the server pick one
     * @return the ack, after commit; equal for every resend of the same request id
     * @throws ApiProblem 400 bad request id or answer fields, 403 not joined, 404 unknown talk/poll, 422 unknown option
     *         or an answer outside the poll's limits, 409 poll closed, vote final (the poll forbids changes) or
     *         {@code nickname-required} (a quiz)
     */
    @VoteMetered
    public VoteAck cast(String code, String pollKey, String token, Answer answer, String requestId) {
        String id = requestId(requestId);
        try {
            return QuarkusTransaction.requiringNew().call(() -> castInTransaction(code, pollKey, token, answer, id));
        } catch (PersistenceException e) {
            if (!(e instanceof ConstraintViolationException) && !(e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            // A concurrent copy of this request won the unique key; its receipt now answers this one.
            return QuarkusTransaction.requiringNew().call(() -> castInTransaction(code, pollKey, token, answer, id));
        }
    }

    /**
     * A client's request id checked, or a new one when the client sent none.
     *
     * @throws ApiProblem 400 when it is not 1-64 letters, digits or {@code . _ : -}
     */
    public static String requestId(String requestId) {
        if (requestId == null) {
            return UUID.randomUUID().toString();
        }
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw ApiProblem.badRequest("invalid-request-id", "requestId must be 1-64 letters, digits or . _ : -");
        }
        return requestId;
    }

    private VoteAck castInTransaction(String code, String pollKey, String token, Answer sent, String requestId) {
        Talk talk = talks.require(code);
        Participant participant = participants.require(talk, token);
        Poll poll = Poll.findByTalkAndKey(talk, pollKey).filter(p -> !p.archived)
                .orElseThrow(() -> ApiProblem.notFound("poll", "Talk " + talk.joinCode + " has no poll '" + pollKey + "'"));
        Optional<VoteReceipt> earlier = VoteReceipt.findByRequest(participant.id, requestId);
        if (earlier.isPresent()) {
            return ack(earlier.get(), poll);
        }
        QuestionType type = QuestionTypes.get(poll.type);
        List<PollOption> options = PollOption.listActiveByPoll(poll);
        if (sent.texts() != null && !type.takesTexts()) {
            throw QuestionType.wrongShape(poll, "no texts");
        }
        Answer answer = type.check(poll, options, sent);
        if (type.needsNickname() && participant.nickname == null) {
            throw new ApiProblem(409, "nickname-required", "Nickname required",
                    "Choose a nickname before answering quiz '" + poll.key + "'");
        }
        if (!Poll.bumpVersionIfOpen(poll.id)) {
            throw ApiProblem.pollClosed(poll.key);
        }
        Poll.getEntityManager().refresh(poll);
        hooks.whileStoring();
        // Under the poll's row lock now: a copy of this request that committed meanwhile is visible.
        earlier = VoteReceipt.findByRequest(participant.id, requestId);
        if (earlier.isPresent()) {
            return ack(earlier.get(), poll);
        }
        Instant now = Instant.now();
        Optional<Vote> current = Vote.findCurrent(poll, poll.round, participant);
        if (current.isPresent() && !poll.allowChange && !type.adds() && !type.answerOf(current.get()).equals(answer)) {
            throw new ApiProblem(409, "vote-final", "Vote cannot be changed",
                    "Poll '" + poll.key + "' does not allow changing a vote once cast");
        }
        Vote vote = current.orElseGet(() -> {
            Vote v = new Vote();
            v.poll = poll;
            v.round = poll.round;
            v.participant = participant;
            return v;
        });
        vote.option = null;
        vote.numValue = null;
        vote.points = null;
        vote.requestId = requestId;
        vote.castAt = now;
        vote.persist();
        type.store(vote, answer, options);
        VoteReceipt receipt = new VoteReceipt();
        receipt.participantId = participant.id;
        receipt.requestId = requestId;
        receipt.pollId = poll.id;
        receipt.optionId = answer.optionId();
        receipt.answer = VoteReceipt.json(answer);
        receipt.round = poll.round;
        receipt.receivedAt = now;
        receipt.persist();
        Vote.flush();
        changes.fire(new PollChanged(poll.id, talk.joinCode, false));
        return ack(receipt, poll);
    }

    private static VoteAck ack(VoteReceipt receipt, Poll poll) {
        if (receipt.pollId != poll.id) {
            throw new ApiProblem(409, "request-id-reused", "Request id reused",
                    "Request id " + receipt.requestId + " was already used for another poll");
        }
        return new VoteAck(receipt.requestId, poll.key, receipt.optionId, receipt.answer(), receipt.round);
    }

}
