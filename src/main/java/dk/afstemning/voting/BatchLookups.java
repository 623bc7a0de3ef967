package dk.afstemning.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.participant.ParticipantTokens;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.poll.PollOption;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteReceipt;

/**
 * What one batch's transaction looked up and locked, read with a few set-wise queries instead of several queries per
 * vote: talks, participants, polls, options, receipts and current votes. Each poll's row lock is taken at most once
 * per batch. Votes are written only by the one vote writer thread, so what is read here stays true for the batch; the
 * maps are kept up to date by {@link #stored} as the batch writes, so two copies of one request in a batch count once.
 *
 * <p>Look-ups that find nothing leave a gap: the vote that needs it is refused by {@link VoteService} with the same
 * problem as before (404 talk or poll, 403 not joined, 409 poll closed). Not thread-safe; one per transaction.
 */
final class BatchLookups {

    private final Map<String, Optional<Talk>> talks = new HashMap<>();
    /** By talk id and stored hash. */
    private final Map<String, Participant> participants = new HashMap<>();
    /** Each request's token's hash, by talk id and token: hashed once per batch. */
    private final Map<String, String> hashOf = new HashMap<>();
    private final Map<String, Optional<Poll>> polls = new HashMap<>();
    private final Map<Long, List<PollOption>> options = new HashMap<>();
    /** Polls whose row lock this transaction tried to take: whether each was open. */
    private final Map<Long, Boolean> open = new HashMap<>();
    private final Set<Long> participantIds = new HashSet<>();
    private final Map<String, VoteReceipt> receipts = new HashMap<>();
    private final Map<String, Vote> current = new HashMap<>();
    private final List<VoteReceipt> newReceipts = new ArrayList<>();
    /** Polls changed by a stored vote, to announce after the batch is written. */
    final Set<PollChanged> changed = new LinkedHashSet<>();

    /**
     * Reads what the batch's votes need before any of them is checked: talks by join code, participants by token,
     * polls by key, and the receipts of the batch's request ids. Polls are locked later, by {@link #lock}, and only
     * for a vote that passed its checks: a refused vote changes nothing, not even a poll's version.
     */
    void prepare(List<VoteService.CastRequest> requests, Function<String, Optional<Talk>> talkByCode,
            ParticipantTokens hashes) {
        Map<Long, Set<String>> tokensByTalk = new HashMap<>();
        for (VoteService.CastRequest request : requests) {
            Optional<Talk> talk = talks.computeIfAbsent(request.code(), talkByCode);
            talk.ifPresent(t -> {
                if (ParticipantService.isWellFormed(request.token())) {
                    tokensByTalk.computeIfAbsent(t.id, k -> new HashSet<>()).add(hashes.hash(t.id, request.token()));
                }
                polls.computeIfAbsent(pollKey(t, request.pollKey()),
                        k -> Poll.findByTalkAndKey(t, request.pollKey()).filter(p -> !p.archived));
            });
        }
        // By hash alone, so that H2 looks each one up in ix_participant_token (V8); the talk is checked here.
        Set<String> tokens = new HashSet<>();
        tokensByTalk.values().forEach(tokens::addAll);
        if (!tokens.isEmpty()) {
            for (Participant p : Participant.<Participant>list("tokenHash in ?1", tokens)) {
                if (tokensByTalk.getOrDefault(p.talk.id, Set.of()).contains(p.tokenHash)) {
                    participants.put(participantKey(p.talk.id, p.tokenHash), p);
                }
            }
        }
        for (VoteService.CastRequest request : requests) {
            talk(request.code()).filter(t -> ParticipantService.isWellFormed(request.token()))
                    .ifPresent(t -> hashOf.put(participantKey(t.id, request.token()), hashes.hash(t.id, request.token())));
        }
        Set<String> requestIds = new HashSet<>();
        for (VoteService.CastRequest request : requests) {
            talk(request.code()).flatMap(t -> participant(t, request.token())).ifPresent(p -> {
                participantIds.add(p.id);
                requestIds.add(request.requestId());
            });
        }
        if (!participantIds.isEmpty()) {
            VoteReceipt.<VoteReceipt>list("participantId in ?1 and requestId in ?2", participantIds, requestIds)
                    .forEach(r -> receipts.put(receiptKey(r.participantId, r.requestId), r));
        }
    }

    /**
     * Takes the poll's row lock once per batch ({@link Poll#bumpVersionIfOpen}), which orders the batch's votes
     * against a concurrent close, then reads the current votes of the batch's participants in the poll's round.
     * Only the vote writer locks more than one poll in a transaction, so no two transactions wait on each other.
     *
     * @param now the database's time ({@code DatabaseClock}): a poll whose countdown ended by then is closed
     * @param afterLocking run once when the lock is newly taken (a test seam, {@link VoteHooks})
     * @return whether the poll is open (its lock is held for the rest of the transaction)
     */
    boolean lock(Poll poll, java.time.Instant now, Runnable afterLocking) {
        Boolean known = open.get(poll.id);
        if (known != null) {
            return known;
        }
        boolean isOpen = Poll.bumpVersionIfOpen(poll.id, now);
        Poll.getEntityManager().refresh(poll);
        open.put(poll.id, isOpen);
        if (isOpen) {
            afterLocking.run();
            Vote.listCurrent(poll.id, poll.round, participantIds)
                    .forEach(v -> current.put(voteKey(poll.id, v.participant.id), v));
        }
        return isOpen;
    }

    /** The talk with this join code, if the batch found one. */
    Optional<Talk> talk(String code) {
        return talks.getOrDefault(code, Optional.empty());
    }

    /** The participant with this token in the talk, if the batch found one. */
    Optional<Participant> participant(Talk talk, String token) {
        String hash = hashOf.get(participantKey(talk.id, token));
        return hash == null ? Optional.empty() : Optional.ofNullable(participants.get(participantKey(talk.id, hash)));
    }

    /** The talk's poll with this deck id, unless missing or archived. */
    Optional<Poll> poll(Talk talk, String key) {
        return polls.getOrDefault(pollKey(talk, key), Optional.empty());
    }

    /** The poll's active options, in order, read once per batch. */
    List<PollOption> options(Poll poll) {
        return options.computeIfAbsent(poll.id, id -> PollOption.listActiveByPoll(poll));
    }

    /** The receipt of an earlier request with this id by the participant, if any. */
    Optional<VoteReceipt> receipt(Participant participant, String requestId) {
        return Optional.ofNullable(receipts.get(receiptKey(participant.id, requestId)));
    }

    /** The participant's vote in the poll's current round, if any; only after {@link #lock} found it open. */
    Optional<Vote> current(Poll poll, Participant participant) {
        return Optional.ofNullable(current.get(voteKey(poll.id, participant.id)));
    }

    /**
     * Records a stored vote and its new receipt (written by {@link #newReceipts()}'s caller at the end of the batch),
     * so later votes of the batch see both.
     */
    void stored(Vote vote, VoteReceipt receipt) {
        current.put(voteKey(vote.poll.id, vote.participant.id), vote);
        receipts.put(receiptKey(receipt.participantId, receipt.requestId), receipt);
        newReceipts.add(receipt);
    }

    /** The receipts of the votes stored in this batch, in order, not yet written. */
    List<VoteReceipt> newReceipts() {
        return newReceipts;
    }

    private static String pollKey(Talk talk, String key) {
        return talk.id + "/" + key;
    }

    private static String participantKey(long talkId, String token) {
        return talkId + "/" + token;
    }

    private static String receiptKey(long participantId, String requestId) {
        return participantId + "/" + requestId;
    }

    private static String voteKey(long pollId, long participantId) {
        return pollId + "/" + participantId;
    }
}
