package dk.afstemning.polltype.open;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;

import dk.afstemning.participant.Pseudonyms;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.Pruning;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.TextAnswer;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.polltype.ReportParts;
import dk.afstemning.polltype.RoundCounts;
import dk.afstemning.polltype.TextEntries;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.text.TextNormalizer;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.TextsAnswer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;
import dk.afstemning.vote.VoteText;

/**
 * {@code open}: free-text answers ({@code {"texts": ["…"]}}, one answer per request), each added to the participant's
 * earlier ones in the round, at most {@value #MAX_ANSWERS}. With {@code moderation: on} (the default) a new answer
 * waits until the presenter shows it; with {@code off} it is shown at once. An answer with a listed swear word is
 * stored hidden while the profanity filter is on. Only shown answers reach the public screen (results
 * {@code details}); the presenter's feed gets every answer ({@link TextModeration}), the author their own with status.
 *
 * <p>The report lists per round every answer, oldest first, exactly as typed, with its moderation status, its time
 * and its author's pseudonym; as items, the answers per status with their share of all the round's answers (95% Wilson
 * interval). n is the participants who answered (each may give several answers); the hidden count is the answers
 * hidden by the profanity filter or the presenter. A round the retention job has pruned lists only its shown answers,
 * without author; its waiting and hidden answers are counted, not listed.
 */
@ApplicationScoped
public class OpenType implements PollType {

    /** Answers per participant and round, as Slido lets several. */
    public static final int MAX_ANSWERS = 3;
    /** Default and greatest {@code max-chars}. */
    static final int DEFAULT_CHARS = 280;
    static final int MAX_CHARS = 1000;
    /** Newest shown answers in the results. */
    static final int MAX_SHOWN = 200;
    /** The statuses in the order the report's items list them. */
    static final List<String> STATUSES = List.of(VoteText.SHOWN, VoteText.WAITING, VoteText.HIDDEN);

    /**
     * @param maxChars most user-visible characters per answer
     * @param moderation whether answers wait for the presenter
     * @param shown the number of shown answers in the round
     * @param answers the shown answers, newest first, at most {@value #MAX_SHOWN}
     */
    public record Details(int maxChars, boolean moderation, long shown, List<TextModeration.Item> answers) {
    }

    @Override
    public String name() {
        return "open";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("max-chars", "moderation", "profanity-filter");
    }

    @Override
    public boolean hasOptions() {
        return false;
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        int maxChars = keys.count("max-chars", DEFAULT_CHARS, MAX_CHARS);
        Boolean profanity = keys.onOff("profanity-filter");
        Boolean moderation = keys.onOff("moderation");
        return new DeckSettings(null, null, null, null, List.of(), maxChars, profanity,
                moderation == null || moderation);
    }

    @Override
    public boolean takesTexts() {
        return true;
    }

    @Override
    public boolean adds() {
        return true;
    }

    @Override
    public Boolean moderation(Poll poll) {
        return moderated(poll);
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        List<String> texts = Answer.sentTexts(answer);
        if (texts != null && texts.size() > 1) {
            throw new ApiProblem(422, "too-many-entries", "One answer at a time",
                    "Poll '" + poll.key + "' takes one answer per request");
        }
        return Answer.texts(TextEntries.check(poll, answer, 1, maxChars(poll)));
    }

    @Override
    public void checkAgainst(Poll poll, Optional<Vote> current, Answer answer) {
        if (current.isPresent() && VoteText.listByVote(current.get()).size() >= MAX_ANSWERS) {
            throw new ApiProblem(422, "too-many-answers", "Too many answers", "Poll '" + poll.key
                    + "' takes at most " + MAX_ANSWERS + " answers per participant in a round");
        }
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        List<VoteText> earlier = VoteText.listByVote(vote);
        String text = ((TextsAnswer) answer).texts().get(0);
        String status = TextEntries.status(vote.poll, text, moderated(vote.poll) ? VoteText.WAITING : VoteText.SHOWN);
        VoteText.add(vote, earlier.size(), text, TextNormalizer.key(text), status);
        // The author's phone shows the status of each of their answers: tell it after commit.
        CDI.current().getBeanManager().getEvent().select(TextModeration.Changed.class)
                .fire(new TextModeration.Changed(vote.poll.id, vote.poll.talk.joinCode, List.of(vote.participant.id)));
    }

    @Override
    public Answer answerOf(Vote vote, VoteRows rows) {
        return Answer.texts(rows.texts(vote).stream().map(t -> t.text).toList());
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return details(poll, KeptVotes.list(poll.id, round, VoteText.SHOWN));
    }

    @Override
    public Map<Long, Object> details(List<Poll> polls, Map<Long, List<PollOption>> options) {
        return PollType.detailsOf(polls, KeptVotes.shownTexts(PollType.rounds(polls)), (p, read) -> details(p, read));
    }

    private Details details(Poll poll, List<KeptVotes.Text> texts) {
        List<TextModeration.Item> shown = texts.stream()
                .map(t -> new TextModeration.Item(t.id(), t.text())).toList();
        List<TextModeration.Item> newest = new ArrayList<>(shown);
        Collections.reverse(newest);
        newest = newest.subList(0, Math.min(newest.size(), MAX_SHOWN));
        return new Details(maxChars(poll), moderated(poll), shown.size(), newest);
    }

    /** The shown answers themselves (the public screen lists them); the others are counted by status. */
    @Override
    public void keep(Pruning pruning) {
        pruning.run("insert into kept_text (id, poll_id, round, position, text, created_at)"
                + " select t.id, o.poll_id, o.round, t.position, t.text, t.created_at from " + pruning.old()
                + " join vote_text t on t.vote_id = o.id where o.type = ?2 and t.status = 'shown'");
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Pseudonyms pseudonyms = CDI.current().select(Pseudonyms.class).get();
        List<TextAnswer> answers = KeptVotes.list(poll.id, round, null).stream()
                .map(t -> new TextAnswer(t.participantId() == null ? null
                        : pseudonyms.of(poll.talk.id, t.participantId()), t.position() + 1, t.text(), t.status(),
                        t.createdAt().atOffset(ZoneOffset.UTC)))
                .toList();
        // Answers per status: a pruned round keeps its shown answers as text and only the number of the others.
        Map<String, Long> byStatus = new HashMap<>();
        for (String status : STATUSES) {
            byStatus.put(status, VoteText.SHOWN.equals(status)
                    ? answers.stream().filter(a -> status.equals(a.status())).count()
                    : KeptVotes.texts(poll.id, round, status));
        }
        return new RoundCounts(KeptVotes.voters(poll.id, round), byStatus, Map.of(), Map.of(), List.of(), answers,
                byStatus.get(VoteText.HIDDEN));
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        long all = counts.byOption().values().stream().mapToLong(Long::longValue).sum();
        List<OptionStat> items = new ArrayList<>();
        for (String status : STATUSES) {
            long count = counts.byOption().getOrDefault(status, 0L);
            items.add(new OptionStat(status, items.size() + 1, status, count, Proportions.share(count, all),
                    Proportions.wilson95(count, all), null, null, null, null, null));
        }
        return new RoundStat(round, counts.n(), SmallSample.warnN(counts.n()), items, null, counts.hidden(),
                counts.answers());
    }

    @Override
    public VoteAnswer answer(Vote vote, VoteRows rows) {
        return ReportParts.textsOf(vote, rows);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }

    static int maxChars(Poll poll) {
        return poll.maxChars == null ? DEFAULT_CHARS : poll.maxChars;
    }

    static boolean moderated(Poll poll) {
        return poll.moderation == null || poll.moderation;
    }
}
