package dk.afstemning.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
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
 * Casts votes: validate, commit, then acknowledge. Votes are stored in batches by one writer thread ({@link
 * VoteBatcher}, group commit): each batch is one transaction, and every vote in it is acknowledged only after that
 * commit. A batch first bumps each poll's version with an UPDATE guarded by {@code status = OPEN}; that row lock
 * orders the votes against a concurrent close, so a vote is either committed while the poll is open or refused with
 * {@code poll-closed}, never acknowledged and dropped.
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

    /** How many votes may wait for the writer; a vote beyond that is refused at once with 503 {@code busy}. */
    @ConfigProperty(name = "afstemning.votes.queue-capacity", defaultValue = "10000")
    int queueCapacity;

    /** The most votes stored in one transaction. */
    @ConfigProperty(name = "afstemning.votes.max-batch", defaultValue = "500")
    int maxBatch;

    /**
     * How long a caller waits for its vote's commit before answering 503 {@code busy} (the vote may still be stored;
     * the resend with the same request id then gets its ack). Well below the transaction timeout.
     */
    @ConfigProperty(name = "afstemning.votes.wait-ms", defaultValue = "15000")
    long waitMillis;

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
            return ack.get(waitMillis, TimeUnit.MILLISECONDS);
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
        batcher = new VoteBatcher<>("vote-writer", queueCapacity, maxBatch, this::storeBatch);
    }

    @PreDestroy
    void stopWriter() {
        batcher.stop();
    }

    /**
     * Stores a batch in one transaction. A refused vote (an {@link ApiProblem}) refuses only itself; any other failure
     * rolls the batch back and stores each vote alone, so one bad vote never loses the others.
     */
    private List<VoteBatcher.Outcome<VoteAck>> storeBatch(List<CastRequest> requests) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Batch batch = new Batch();
                List<VoteBatcher.Outcome<VoteAck>> outcomes = new ArrayList<>(requests.size());
                for (CastRequest request : requests) {
                    try {
                        outcomes.add(new VoteBatcher.Outcome<>(castInTransaction(request, batch), null));
                    } catch (ApiProblem e) {
                        outcomes.add(new VoteBatcher.Outcome<>(null, e));
                    }
                }
                finish(batch);
                return outcomes;
            });
        } catch (RuntimeException e) {
            Log.debugf("A batch of %d votes failed (%s); storing each alone", requests.size(), e.toString());
            return requests.stream().map(this::storeAlone).toList();
        }
    }

    private VoteBatcher.Outcome<VoteAck> storeAlone(CastRequest request) {
        try {
            return new VoteBatcher.Outcome<>(storeInOwnTransaction(request), null);
        } catch (RuntimeException e) {
            return new VoteBatcher.Outcome<>(null, e);
        }
    }

    private VoteAck storeInOwnTransaction(CastRequest request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> castAndFire(request));
        } catch (PersistenceException e) {
            if (!(e instanceof ConstraintViolationException) && !(e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            // A concurrent copy of this request won the unique key; its receipt now answers this one.
            return QuarkusTransaction.requiringNew().call(() -> castAndFire(request));
        }
    }

    private VoteAck castAndFire(CastRequest request) {
        Batch batch = new Batch();
        VoteAck ack = castInTransaction(request, batch);
        finish(batch);
        return ack;
    }

    /** Writes what the batch changed and tells the live hub about each changed poll once (pushed after commit). */
    private void finish(Batch batch) {
        Vote.flush();
        batch.changed.forEach(changes::fire);
    }

    /**
     * What one transaction has looked up and locked: talks, polls and options read once per batch, and each poll's
     * row lock taken (version bumped) once.
     */
    private static final class Batch {
        final Map<String, Talk> talks = new HashMap<>();
        final Map<String, Poll> polls = new HashMap<>();
        final Map<Long, List<PollOption>> options = new HashMap<>();
        final Set<Long> locked = new HashSet<>();
        final Set<PollChanged> changed = new LinkedHashSet<>();
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

    private VoteAck castInTransaction(CastRequest request, Batch batch) {
        Talk talk = batch.talks.get(request.code());
        if (talk == null) {
            talk = talks.require(request.code());
            batch.talks.put(request.code(), talk);
        }
        String code = talk.joinCode;
        Participant participant = participants.require(talk, request.token());
        String pollKey = request.pollKey();
        Talk found = talk;
        Poll poll = batch.polls.computeIfAbsent(talk.id + "/" + pollKey, k -> Poll.findByTalkAndKey(found, pollKey)
                .filter(p -> !p.archived)
                .orElseThrow(() -> ApiProblem.notFound("poll", "Talk " + code + " has no poll '" + pollKey + "'")));
        String requestId = request.requestId();
        Optional<VoteReceipt> earlier = VoteReceipt.findByRequest(participant.id, requestId);
        if (earlier.isPresent()) {
            return ack(earlier.get(), poll);
        }
        QuestionType type = QuestionTypes.get(poll.type);
        List<PollOption> options = batch.options.computeIfAbsent(poll.id, id -> PollOption.listActiveByPoll(poll));
        if (request.answer().texts() != null && !type.takesTexts()) {
            throw QuestionType.wrongShape(poll, "no texts");
        }
        Answer answer = type.check(poll, options, request.answer());
        if (type.needsNickname() && participant.nickname == null) {
            throw new ApiProblem(409, "nickname-required", "Nickname required",
                    "Choose a nickname before answering quiz '" + poll.key + "'");
        }
        boolean lockedBeforeLookup = batch.locked.contains(poll.id);
        if (!lockedBeforeLookup) {
            if (!Poll.bumpVersionIfOpen(poll.id)) {
                throw ApiProblem.pollClosed(poll.key);
            }
            Poll.getEntityManager().refresh(poll);
            batch.locked.add(poll.id);
            hooks.whileStoring();
        } else if (poll.closesAt != null && !poll.closesAt.isAfter(Instant.now())) {
            throw ApiProblem.pollClosed(poll.key);
        }
        if (!lockedBeforeLookup) {
            // Under the poll's row lock now: a copy of this request that committed meanwhile is visible. (When the
            // batch already held the lock, the first look-up was made under it.)
            earlier = VoteReceipt.findByRequest(participant.id, requestId);
            if (earlier.isPresent()) {
                return ack(earlier.get(), poll);
            }
        }
        Instant now = Instant.now();
        Optional<Vote> current = Vote.findCurrent(poll, poll.round, participant);
        if (current.isPresent() && !poll.allowChange && !type.adds() && !type.answerOf(current.get()).equals(answer)) {
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
        receipt.optionId = answer.optionId();
        receipt.answer = VoteReceipt.json(answer);
        receipt.round = poll.round;
        receipt.receivedAt = now;
        receipt.persist();
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
