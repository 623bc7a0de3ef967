package dk.afstemning.live;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.Talk;
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

    /**
     * The talk's polls (database ids, archived ones left out) for a resynchronisation after the live bus was lost,
     * each with whether its state goes to the phones again: true for an open poll and for the current slide's poll.
     * An unknown (deleted) talk has none.
     */
    Map<Long, Boolean> pollsToResync(String code) {
        Map<Long, Boolean> polls = new LinkedHashMap<>();
        Talk talk = Talk.findByJoinCode(code).orElse(null);
        if (talk == null) {
            return polls;
        }
        String current = show.state(talk).pollId();
        for (Poll poll : Poll.listActiveByTalk(talk)) {
            polls.put(poll.id, poll.status == PollStatus.OPEN || poll.key.equals(current));
        }
        return polls;
    }
}
