package dk.afstemning.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/** Opens and closes polls for a presenter. Each change bumps the poll's version and is pushed live after commit. */
@ApplicationScoped
@Transactional
public class PollService {

    @Inject
    TalkService talks;

    @Inject
    Event<PollChanged> changes;

    /**
     * @throws ApiProblem 404 unknown talk or poll, 403 wrong presenter key
     */
    public Poll open(String code, String pollKey, String presenterKey) {
        return setStatus(code, pollKey, presenterKey, PollStatus.OPEN);
    }

    /**
     * Closes the poll. Takes the poll's row lock, so votes in flight either committed before the close or will be
     * refused with {@code poll-closed}.
     *
     * @throws ApiProblem 404 unknown talk or poll, 403 wrong presenter key
     */
    public Poll close(String code, String pollKey, String presenterKey) {
        return setStatus(code, pollKey, presenterKey, PollStatus.CLOSED);
    }

    /** @throws ApiProblem 404 when the talk has no such (active) poll */
    public Poll require(Talk talk, String pollKey) {
        return Poll.findByTalkAndKey(talk, pollKey).filter(p -> !p.archived)
                .orElseThrow(() -> ApiProblem.notFound("poll", "Talk " + talk.joinCode + " has no poll '" + pollKey + "'"));
    }

    private Poll setStatus(String code, String pollKey, String presenterKey, PollStatus status) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        Poll poll = require(talk, pollKey);
        Poll.update("status = ?1, version = version + 1 where id = ?2", status, poll.id);
        Poll.getEntityManager().refresh(poll);
        changes.fire(new PollChanged(poll.id, talk.joinCode, true));
        return poll;
    }
}
