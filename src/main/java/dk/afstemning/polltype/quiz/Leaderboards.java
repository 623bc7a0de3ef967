package dk.afstemning.polltype.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.talk.TalkService;

/** The quiz leaderboard of a talk by its join code, in a transaction of its own: the service behind the quiz API. */
@ApplicationScoped
public class Leaderboards {

    @Inject
    TalkService talks;

    /** @throws dk.afstemning.problem.ApiProblem 404 when no talk has the join code */
    @Transactional
    public Leaderboard of(String code) {
        return Leaderboard.of(talks.require(code));
    }
}
