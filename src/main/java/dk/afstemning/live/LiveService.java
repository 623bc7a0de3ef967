package dk.afstemning.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.vote.Answer;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.vote.Vote;

/** The database reads behind the live sockets, each in its own transaction (socket callbacks hold no ORM code). */
@ApplicationScoped
@Transactional
public class LiveService {

    @Inject
    TalkService talks;

    @Inject
    ParticipantService participants;

    @Inject
    ResultsService results;

    @Inject
    ShowService show;

    @Inject
    PollTypes types;

    /**
     * A joined participant and the state their page needs.
     *
     * @param participantId database id of the participant
     * @param state the snapshot to send on connecting
     */
    record Joined(long participantId, LiveMessages.State state) {
    }

    /** @throws dk.afstemning.problem.ApiProblem 404 unknown talk, 403 token has not joined the talk */
    Joined participantState(String code, String token) {
        Talk talk = talks.require(code);
        Participant participant = participants.require(talk, token);
        List<LiveMessages.ParticipantPoll> polls = Poll.listActiveByTalk(talk).stream()
                .map(p -> {
                    Answer mine = Vote.findCurrent(p, p.round, participant)
                            .map(v -> types.get(p.type).answerOf(v)).orElse(null);
                    return new LiveMessages.ParticipantPoll(p.key, p.status.name(), p.round, p.version,
                        mine == null ? null : Answer.optionIdOf(mine), mine,
                        p.status == PollStatus.OPEN && p.closesAt != null
                                ? Math.max(0, Duration.between(Instant.now(), p.closesAt).toMillis()) : null);
                })
                .toList();
        return new Joined(participant.id, new LiveMessages.State(talk.joinCode, talk.title, show.state(talk), polls,
                participant.nickname));
    }

    /**
     * What a presenter screen needs on connecting.
     *
     * @param show the current slide
     * @param polls results of every active poll
     */
    record PresenterState(ShowState show, List<PollResults> polls) {
    }

    /** @throws dk.afstemning.problem.ApiProblem 404 unknown talk */
    PresenterState presenterState(String code) {
        Talk talk = talks.require(code);
        return new PresenterState(show.state(talk), results.resultsOfTalk(talk));
    }

    /** True when {@code presenterKey} is the talk's key. @throws dk.afstemning.problem.ApiProblem 404 unknown talk */
    boolean isPresenterKey(String code, String presenterKey) {
        return TalkService.isPresenterKey(talks.require(code), presenterKey);
    }

    /** The current slide of a talk. @throws dk.afstemning.problem.ApiProblem 404 unknown talk */
    ShowState show(String code) {
        return show.state(talks.require(code));
    }
}
