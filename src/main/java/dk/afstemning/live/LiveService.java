package dk.afstemning.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.TalkService;

/**
 * The database reads behind the live pushes that are not a screen's snapshot, each in its own transaction (socket
 * callbacks hold no ORM code). Snapshots come from the view services ({@code dk.afstemning.view}).
 */
@ApplicationScoped
@Transactional
public class LiveService {

    @Inject
    TalkService talks;

    @Inject
    ShowService show;

    /** The current slide of a talk. @throws dk.afstemning.problem.ApiProblem 404 unknown talk */
    ShowState show(String code) {
        return show.state(talks.require(code));
    }
}
