package dk.afstemning.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.polltype.PollTypes;
import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.results.PhoneResults;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.talk.TalkService;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;
import dk.afstemning.platform.DatabaseClock;

/**
 * Builds the phone's screen ({@link ParticipantView}) for the participant page and the participant socket's
 * {@code state} message, each in one transaction. The polls, their options and the participant's votes are read with
 * one query each, whatever the number of polls.
 */
@ApplicationScoped
@Transactional
public class ParticipantViews {

    @Inject
    PollTypes types;

    @Inject
    DatabaseClock clock;

    @Inject
    TalkService talks;

    @Inject
    ParticipantService participants;

    @Inject
    ShowService show;

    @Inject
    ResultsService resultsService;

    /** The talk with this join code as typed (any case, dashes), or empty when none has it. */
    public Optional<TalkHeader> find(String typed) {
        return TalkService.find(typed).map(TalkHeader::of);
    }

    /**
     * Joins the talk (reusing {@code token} when it has joined before) and builds the participant's screen.
     *
     * @param beforeNew runs before a new participant is made; may throw to refuse (nothing is stored then)
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk, or what {@code beforeNew} throws
     */
    public ParticipantView join(String code, String token, Runnable beforeNew) {
        Talk talk = talks.require(code);
        return build(talk, participants.join(talk, token, beforeNew));
    }

    /**
     * The screen of a participant that has joined already (the socket's snapshot).
     *
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk, 403 the token has not joined the talk
     */
    public ParticipantView of(String code, String token) {
        Talk talk = talks.require(code);
        return build(talk, participants.require(talk, token));
    }

    /**
     * The participant's own result of the closed poll on the current slide, where its type has one (it reads the
     * talk's standings, so only for the poll the phone shows).
     */
    private Object myResult(Poll poll, ShowState state, Participant participant) {
        if (!poll.key.equals(state.pollId())) {
            return null;
        }
        LongFunction<Object> own = types.get(poll.type).participantResults(poll);
        return own == null ? null : own.apply(participant.id);
    }

    private ParticipantView build(Talk talk, Participant participant) {
        ShowState state = show.state(talk);
        List<Poll> polls = Poll.listActiveByTalk(talk);
        Map<Long, List<PollOption>> options = PollOption.listActiveByPolls(polls).stream()
                .collect(Collectors.groupingBy(o -> o.poll.id));
        Map<Long, Vote> mine = Vote.listCurrent(participant, polls).stream()
                .collect(Collectors.toMap(v -> v.poll.id, Function.identity()));
        VoteRows rows = VoteRows.of(List.copyOf(mine.values()));
        // The results this phone shows now: those of the current slide's poll where its phone-results says so, so a
        // reload restores the view with one read however many polls the talk has. When the show moves on, the live
        // hub sends the next poll's results to the phones that show them.
        List<Poll> shown = polls.stream().filter(p -> p.key.equals(state.pollId())
                && PhoneResults.shows(p.phoneResults, p.status.name(), mine.containsKey(p.id))).toList();
        Map<String, PollResults> results = resultsService.resultsOf(shown).stream()
                .collect(Collectors.toMap(PollResults::pollId, Function.identity()));
        Instant now = clock.now();
        List<ParticipantView.ParticipantPoll> items = polls.stream().map(p -> {
            Vote vote = mine.get(p.id);
            List<ParticipantView.Option> choices = options.getOrDefault(p.id, List.of()).stream()
                    .map(o -> new ParticipantView.Option(o.id, o.text)).toList();
            Long remaining = p.status == PollStatus.OPEN && p.closesAt != null
                    ? Math.max(0, Duration.between(now, p.closesAt).toMillis()) : null;
            return new ParticipantView.ParticipantPoll(p.key, p.type, p.question, p.status, p.round, p.version,
                    p.allowChange, choices, vote == null ? null : types.get(p.type).answerOf(vote, rows),
                    p.key.equals(state.pollId()), p.minAnswers, p.maxAnswers, p.labelLow, p.labelHigh, p.maxChars,
                    p.moderation, remaining, p.phoneResults, results.get(p.key), myResult(p, state, participant));
        }).toList();
        return new ParticipantView(TalkHeader.of(talk), participant.id, participant.token, participant.nickname, state,
                items);
    }
}
