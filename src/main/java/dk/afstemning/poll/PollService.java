package dk.afstemning.poll;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.platform.DatabaseClock;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/**
 * The poll life cycle for a presenter: open (with an optional countdown), close, reveal or hide results, and new
 * rounds. Each change bumps the poll's version and is pushed live after commit.
 */
@ApplicationScoped
@Transactional
public class PollService {

    @Inject
    TalkService talks;

    @Inject
    Event<PollChanged> changes;

    @Inject
    PollTypeInfo types;

    @Inject
    DatabaseClock clock;

    /**
     * Opens the poll; a poll whose current round has votes pruned by the retention job opens a new round
     * ({@link #reset}). With a time limit (from the deck, or {@code seconds} when given) the server closes it by itself
     * at {@code now + limit}, on the database's clock ({@link DatabaseClock}).
     *
     * @param seconds countdown in seconds overriding the deck's {@code time-limit}; 0 for none; null for the deck's
     * @throws ApiProblem 404 unknown talk or poll, 403 wrong presenter key, 400 a countdown out of range
     */
    public Poll open(String code, String pollKey, String presenterKey, Integer seconds) {
        checkCountdown(seconds);
        Poll poll = controlled(code, pollKey, presenterKey);
        if (poll.currentRoundPruned()) {
            // The retention job deleted votes of this round: a participant's new answer could not replace theirs, so
            // it would count twice. Open a new round instead.
            return reset(code, pollKey, presenterKey, seconds);
        }
        Instant closesAt = deadline(poll, seconds);
        Poll.update("status = ?1, closesAt = ?2, openedAt = ?3, version = version + 1 where id = ?4", PollStatus.OPEN, closesAt,
                clock.now(), poll.id);
        return changed(poll);
    }

    /** Opens the poll with the deck's countdown, if any. See {@link #open(String, String, String, Integer)}. */
    public Poll open(String code, String pollKey, String presenterKey) {
        return open(code, pollKey, presenterKey, null);
    }

    /**
     * Closes the poll. Takes the poll's row lock, so votes in flight either committed before the close or will be
     * refused with {@code poll-closed}.
     *
     * @throws ApiProblem 404 unknown talk or poll, 403 wrong presenter key
     */
    public Poll close(String code, String pollKey, String presenterKey) {
        Poll poll = controlled(code, pollKey, presenterKey);
        Poll.update("status = ?1, closesAt = null, version = version + 1 where id = ?2", PollStatus.CLOSED, poll.id);
        return changed(poll);
    }

    /**
     * Shows ({@code true}) or hides the counts of the poll on every screen and phone: a {@code results: hidden} poll
     * stays revealed for its round, a {@code live} poll stays hidden until shown again.
     */
    public Poll reveal(String code, String pollKey, String presenterKey, boolean revealed) {
        Poll poll = controlled(code, pollKey, presenterKey);
        Poll.update("revealed = ?1, concealed = ?2, version = version + 1 where id = ?3", revealed, !revealed, poll.id);
        return changed(poll);
    }

    /**
     * Shows an earlier round of the poll on the screen beside the current one (before and after), or none
     * ({@code round} null or 0).
     *
     * @throws ApiProblem 404 unknown talk or poll, 403 wrong presenter key, 400 a round that is not an earlier one
     */
    public Poll compare(String code, String pollKey, String presenterKey, Integer round) {
        Poll poll = controlled(code, pollKey, presenterKey);
        Integer wanted = round == null || round == 0 ? null : round;
        if (wanted != null && (wanted < 1 || wanted >= poll.round)) {
            throw ApiProblem.badRequest("invalid-round", poll.round == 1
                    ? "Poll '" + pollKey + "' has no earlier round to compare with"
                    : "Poll '" + pollKey + "' has earlier rounds 1 to " + (poll.round - 1) + ", not " + wanted);
        }
        Poll.update("compareRound = ?1, version = version + 1 where id = ?2", wanted, poll.id);
        return changed(poll);
    }

    /**
     * Starts a new round: counts start from zero, earlier rounds keep their votes for comparison and export. The new
     * round is open at once, with a countdown of {@code seconds} (0: none; null: the deck's), and its results are
     * hidden again if the deck says so.
     *
     * @throws ApiProblem 404 unknown talk or poll, 403 wrong presenter key, 400 a countdown out of range
     */
    public Poll reset(String code, String pollKey, String presenterKey, Integer seconds) {
        checkCountdown(seconds);
        Poll poll = controlled(code, pollKey, presenterKey);
        Instant closesAt = deadline(poll, seconds);
        Poll.update("round = round + 1, status = ?1, closesAt = ?2, openedAt = ?3, revealed = false, version = version + 1 "
                + "where id = ?4", PollStatus.OPEN, closesAt, clock.now(), poll.id);
        return changed(poll);
    }

    /**
     * Closes the poll if its countdown has run out on the database's clock; called by the countdown timer of every
     * instance. The guarded UPDATE decides: of two instances racing, one updates the row and fires {@link PollChanged},
     * the other finds it closed (its UPDATE waits for the row lock, then matches nothing).
     *
     * @return true when this call closed it
     */
    public boolean closeIfExpired(long pollId) {
        int closed = Poll.update("status = ?1, closesAt = null, version = version + 1 where id = ?2 and status = ?3 "
                + "and closesAt <= ?4",
                PollStatus.CLOSED, pollId, PollStatus.OPEN, clock.now());
        if (closed == 1) {
            Poll poll = Poll.findById(pollId);
            changes.fire(new PollChanged(poll.id, poll.talk.joinCode, true));
        }
        return closed == 1;
    }

    private static void checkCountdown(Integer seconds) {
        if (seconds != null && seconds != 0 && (seconds < 5 || seconds > 3600)) {
            throw ApiProblem.badRequest("invalid-countdown", "seconds must be 0 (no countdown) or from 5 to 3600");
        }
    }

    /** When a poll opened now closes: {@code seconds} (0 = never) when given, else the deck's time limit. */
    private Instant deadline(Poll poll, Integer seconds) {
        Integer limit = seconds != null ? (seconds == 0 ? null : seconds) : poll.timeLimit;
        return limit == null ? null : clock.now().plusSeconds(limit);
    }

    private Poll controlled(String code, String pollKey, String presenterKey) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        return require(talk, pollKey);
    }

    private Poll changed(Poll poll) {
        Poll.getEntityManager().refresh(poll);
        changes.fire(new PollChanged(poll.id, poll.talk.joinCode, true));
        return poll;
    }

    /** @throws ApiProblem 404 when the talk has no such (active) poll */
    public Poll require(Talk talk, String pollKey) {
        return Poll.findByTalkAndKey(talk, pollKey).filter(p -> !p.archived)
                .orElseThrow(() -> ApiProblem.notFound("poll", "Talk " + talk.joinCode + " has no poll '" + pollKey + "'"));
    }


    /** The talk as the API shows it, with its active polls. @throws ApiProblem 404 when no talk has that code */
    public TalkView talkView(String code) {
        return TalkView.of(talks.require(code), types);
    }
}
