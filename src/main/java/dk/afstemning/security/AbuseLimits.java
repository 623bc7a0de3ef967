package dk.afstemning.security;

import java.util.Set;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Ticker;

import dk.afstemning.metrics.VoteMetered;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.problem.RateLimited;

/**
 * The abuse limits of {@link LimitsConfig}: votes per participant and per client address, Q&A questions per
 * participant, new participants per client
 * address, join-code look-ups per client address, and a block on clients that try too many unknown join codes. Each
 * check throws {@link RateLimited} when the client is over its limit; refusals are logged once a minute per client.
 */
@ApplicationScoped
public class AbuseLimits {

    /** Refusals that would tell a client blocked for guessing join codes whether a code exists. */
    private static final Set<String> REVEALING = Set.of("talk-not-found", "not-joined", "forbidden");

    private final KeyedBuckets votesPerParticipant;
    private final KeyedBuckets votesPerIp;
    private final KeyedBuckets questionsPerParticipant;
    private final KeyedBuckets reactionsPerParticipant;
    private final KeyedBuckets joinsPerIp;
    private final KeyedBuckets lookupsPerIp;
    private final MissWindows misses;
    private final RefusalLog log;

    /** @param ticker the limits' clock ({@link LimitsClock}) */
    @Inject
    AbuseLimits(LimitsConfig config, Ticker ticker) {
        long max = config.maxTrackedClients();
        votesPerParticipant = new KeyedBuckets(config.votesPerParticipant(), max, ticker);
        votesPerIp = new KeyedBuckets(config.votesPerIp(), max, ticker);
        questionsPerParticipant = new KeyedBuckets(config.questionsPerParticipant(), max, ticker);
        reactionsPerParticipant = new KeyedBuckets(config.reactionsPerParticipant(), max, ticker);
        joinsPerIp = new KeyedBuckets(config.joinsPerIp(), max, ticker);
        lookupsPerIp = new KeyedBuckets(config.lookupsPerIp(), max, ticker);
        misses = new MissWindows(config.joinCodeMisses(), config.joinCodeMissWindow(), max, ticker);
        log = new RefusalLog(max, ticker);
    }

    /**
     * A vote from {@code client} by the participant with {@code token}; a malformed token counts only per address
     * (the vote is refused as not joined anyway).
     */
    @VoteMetered
    public void vote(String client, String token) {
        check(votesPerIp, client, "votes-per-ip", client, "Too many votes from your network");
        if (ParticipantService.isWellFormed(token)) {
            check(votesPerParticipant, token, "votes-per-participant", client, "Too many votes");
        }
    }

    /**
     * A Q&A question from {@code client} by the participant with {@code token}, asked by {@code ask}: counts as a vote
     * of both (so the per-address limit covers it) and against the participant's question limit, but only when it is
     * accepted. A question refused by a limit or by {@code ask} (any exception, e.g. too long or a filtered word) gives
     * back every token it took, so a refusal changes nothing.
     *
     * @return what {@code ask} returns
     * @throws RateLimited when over a limit; {@code ask} is then not called
     */
    public <T> T question(String client, String token, Supplier<T> ask) {
        boolean joined = ParticipantService.isWellFormed(token);
        List<Runnable> giveBack = new ArrayList<>();
        try {
            take(votesPerIp, client, "votes-per-ip", client, "Too many votes from your network", giveBack);
            if (joined) {
                take(votesPerParticipant, token, "votes-per-participant", client, "Too many votes", giveBack);
                take(questionsPerParticipant, token, "questions-per-participant", client, "Too many questions",
                        giveBack);
            }
            return ask.get();
        } catch (RuntimeException e) {
            giveBack.forEach(Runnable::run);
            throw e;
        }
    }

    private void take(KeyedBuckets buckets, String key, String kind, String client, String detail,
            List<Runnable> giveBack) {
        check(buckets, key, kind, client, detail);
        giveBack.add(() -> buckets.giveBack(key));
    }

    /**
     * A reaction by the participant with {@code token}, from {@code client}.
     *
     * @throws RateLimited with problem {@code reaction-rate-limited} when the participant is over its limit
     */
    public void reaction(String client, String token) {
        long wait = reactionsPerParticipant.take(token == null ? client : token);
        if (wait > 0) {
            RateLimited refusal = refused("reactions-per-participant", client, "Too many reactions", wait);
            throw new RateLimited("reaction-rate-limited", "Too many reactions", refusal.retryAfterSeconds());
        }
    }

    /** A join that makes a new participant. */
    public void join(String client) {
        check(joinsPerIp, client, "joins-per-ip", client, "Too many new participants from your network");
    }

    /** A look-up of a join code: refused while the client is blocked for unknown codes, or over its rate. */
    public void lookup(String client) {
        requireNotBlocked(client);
        check(lookupsPerIp, client, "lookups-per-ip", client, "Too many look-ups of join codes from your network");
    }

    /** Refuses {@code client} if it is blocked for unknown join codes; its rate of look-ups is not counted. */
    public void requireNotBlocked(String client) {
        long blocked = misses.blockedFor(client);
        if (blocked > 0) {
            throw refused("join-code-misses", client, "Too many unknown join codes from your network", blocked);
        }
    }

    /** True while {@code client} is blocked for trying too many unknown join codes. */
    public boolean blocked(String client) {
        return misses.blockedFor(client) > 0;
    }

    /** Counts an unknown join code tried by {@code client}. */
    public void miss(String client) {
        misses.miss(client);
    }

    /**
     * The one place where a refusal met while looking up a join code is judged, for REST, pages and sockets alike: an
     * unknown join code ({@code talk-not-found}) counts as a miss of the client, and while the client is blocked for
     * too many misses, refusals that would show whether a code exists (unknown talk, not joined, wrong key) become the
     * 429 of the block.
     *
     * @return the refusal to answer with: {@code problem} itself, or the block's {@link RateLimited}
     */
    public ApiProblem joinCodeRefusal(ApiProblem problem, String client) {
        if (!REVEALING.contains(problem.type())) {
            return problem;
        }
        ApiProblem answer = problem;
        try {
            requireNotBlocked(client);
        } catch (RateLimited blocked) {
            answer = blocked;
        }
        if (problem.type().equals("talk-not-found")) {
            miss(client);
        }
        return answer;
    }

    /** Logs a refusal of another kind (e.g. a cross-origin request), at most once a minute per kind and client. */
    public void logRefusal(String kind, String client, String what) {
        log.refused(kind, client, what);
    }

    private void check(KeyedBuckets buckets, String key, String kind, String client, String detail) {
        long wait = buckets.take(key);
        if (wait > 0) {
            throw refused(kind, client, detail, wait);
        }
    }

    private RateLimited refused(String kind, String client, String detail, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        log.refused(kind, client, detail + " (retry in " + seconds + " s)");
        return new RateLimited(detail, seconds);
    }
}
