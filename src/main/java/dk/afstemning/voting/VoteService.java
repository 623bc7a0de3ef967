package dk.afstemning.voting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dk.afstemning.metrics.VoteMetered;
import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantTokens;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;
import dk.afstemning.vote.VoteAck;
import dk.afstemning.vote.VoteReceipt;
import dk.afstemning.platform.DatabaseClock;

/**
 * Casts votes: validate, commit, then acknowledge. Votes are stored in batches by one writer thread ({@link
 * VoteBatcher}, group commit): each batch is one transaction, and every vote in it is acknowledged only after that
 * commit. Before it stores a poll's first vote, a batch bumps the poll's version with an UPDATE guarded by {@code
 * status = OPEN} ({@link BatchLookups#lock}); that row lock orders the votes against a concurrent close, so a vote is either committed while the poll is open or refused with
 * {@code poll-closed}, never acknowledged and dropped.
 */
@ApplicationScoped
public class VoteService {

    @Inject
    PollTypes types;

    @Inject
    ParticipantTokens participantTokens;

    @Inject
    DatabaseClock clock;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    Event<PollChanged> changes;

    @Inject
    VoteHooks hooks;

    @Inject
    VoteConfig config;

    private VoteBatcher<CastRequest, VoteAck> batcher;

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
     *         {@code nickname-required} (a quiz), 503 {@code busy} when the vote could not be stored in time
     */
    @VoteMetered
    public VoteAck cast(String code, String pollKey, String token, Answer answer, String requestId) {
        String id = requestId(requestId);
        CompletableFuture<VoteAck> ack = batcher.submit(new CastRequest(code, pollKey, token, answer, id));
        if (ack == null) {
            throw ApiProblem.busy();
        }
        try {
            return ack.get(config.waitMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still queued or being stored: the resend with the same request id gets the stored ack or stores it.
            throw ApiProblem.busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Vote writer failed", e.getCause());
        }
    }

    /** One vote waiting for its batch. */
    record CastRequest(String code, String pollKey, String token, Answer answer, String requestId) {
    }

    @PostConstruct
    void startWriter() {
        batcher = new VoteBatcher<>("vote-writer", config.queueCapacity(), config.maxBatch(), this::storeBatch);
    }

    @PreDestroy
    void stopWriter() {
        batcher.stop();
    }

    /**
     * Stores a batch in one transaction: everything its votes need is looked up first ({@link BatchLookups}), then
     * each vote is checked and written. A refused vote (an {@link ApiProblem}) refuses only itself; any other failure
     * rolls the batch back and stores each vote alone, so one bad vote never loses the others.
     */
    List<VoteBatcher.Outcome<VoteAck>> storeBatch(List<CastRequest> requests) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(requests));
        } catch (RuntimeException e) {
            Log.debugf("A batch of %d votes failed (%s); storing each alone", requests.size(), e.toString());
            return requests.stream().map(this::storeAlone).toList();
        }
    }

    private VoteBatcher.Outcome<VoteAck> storeAlone(CastRequest request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(List.of(request))).get(0);
        } catch (RuntimeException e) {
            return new VoteBatcher.Outcome<>(null, e);
        }
    }

    /** Stores votes in the caller's transaction, then announces each changed poll once (pushed after commit). */
    private List<VoteBatcher.Outcome<VoteAck>> store(List<CastRequest> requests) {
        BatchLookups batch = new BatchLookups();
        batch.prepare(requests, TalkService::find, participantTokens);
        List<VoteBatcher.Outcome<VoteAck>> outcomes = new ArrayList<>(requests.size());
        for (CastRequest request : requests) {
            try {
                outcomes.add(new VoteBatcher.Outcome<>(castInTransaction(request, batch), null));
            } catch (ApiProblem e) {
                outcomes.add(new VoteBatcher.Outcome<>(null, e));
            }
        }
        VoteReceipt.insertAll(batch.newReceipts());
        Vote.flush();
        batch.changed.forEach(changes::fire);
        return outcomes;
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

    private VoteAck castInTransaction(CastRequest request, BatchLookups batch) {
        // No call here may go through a @Transactional service: its refusal would roll the whole batch back.
        Talk talk = batch.talk(request.code()).orElseThrow(() -> TalkService.unknown(request.code()));
        Participant participant = batch.participant(talk, request.token())
                .orElseThrow(() -> ParticipantService.notJoined(talk));
        String pollKey = request.pollKey();
        Poll poll = batch.poll(talk, pollKey).orElseThrow(
                () -> ApiProblem.notFound("poll", "Talk " + talk.joinCode + " has no poll '" + pollKey + "'"));
        String requestId = request.requestId();
        Optional<VoteReceipt> earlier = batch.receipt(participant, requestId);
        if (earlier.isPresent()) {
            return ack(earlier.get(), poll);
        }
        PollType type = types.get(poll.type);
        List<PollOption> options = batch.options(poll);
        if (Answer.sentTexts(request.answer()) != null && !type.takesTexts()) {
            throw PollType.wrongShape(poll, "no texts");
        }
        Answer answer = type.check(poll, options, request.answer());
        if (type.needsNickname() && participant.nickname == null) {
            throw new ApiProblem(409, "nickname-required", "Nickname required",
                    "Choose a nickname before answering quiz '" + poll.key + "'");
        }
        Instant now = clock.now();
        if (!batch.lock(poll, now, hooks::whileStoring)
                || poll.closesAt != null && !poll.closesAt.isAfter(now)) {
            throw ApiProblem.pollClosed(poll.key);
        }
        Optional<Vote> current = batch.current(poll, participant);
        if (current.isPresent() && !poll.allowChange && !type.adds() && !type.answerOf(current.get(), VoteRows.of(List.of(current.get()))).equals(answer)) {
            throw new ApiProblem(409, "vote-final", "Vote cannot be changed",
                    "Poll '" + poll.key + "' does not allow changing a vote once cast");
        }
        type.checkAgainst(poll, current, answer);
        // Nothing of this vote is written before this line, and nothing after it refuses: a batch's other votes
        // share the transaction.
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
        receipt.optionId = Answer.optionIdOf(answer);
        receipt.answer = VoteReceipt.json(answer);
        receipt.round = poll.round;
        receipt.receivedAt = now;
        batch.stored(vote, receipt);
        batch.changed.add(new PollChanged(poll.id, talk.joinCode, false));
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
