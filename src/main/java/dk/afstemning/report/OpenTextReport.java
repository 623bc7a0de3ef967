package dk.afstemning.report;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;

import dk.afstemning.poll.Poll;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.TextAnswer;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteText;

/**
 * {@code open}: per round every answer, oldest first, exactly as typed, with its moderation status ({@code shown},
 * {@code waiting}, {@code hidden}), its time and its author's pseudonym; as items, the answers per status with their
 * share of all the round's answers (95% Wilson interval). n is the participants who answered (each may give several
 * answers); the hidden count is the answers hidden by the profanity filter or the presenter. A round the retention job
 * has pruned lists only its shown answers, without author; its waiting and hidden answers are counted, not listed.
 */
class OpenTextReport implements TypeReport {

    /** The statuses in the order the items list them. */
    static final List<String> STATUSES = List.of(VoteText.SHOWN, VoteText.WAITING, VoteText.HIDDEN);

    @Override
    public String type() {
        return "open";
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
    public VoteAnswer answer(Vote vote) {
        return TypeReports.textsOf(vote);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }
}
