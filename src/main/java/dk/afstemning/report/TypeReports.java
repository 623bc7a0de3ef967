package dk.afstemning.report;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.report.Reports.TextAnswer;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteChoice;
import dk.afstemning.vote.VoteText;

/**
 * The registry of {@link TypeReport}s by poll type. A type without a report of its own (one added to
 * {@link dk.afstemning.answer.QuestionTypes} before it has one here) is reported by {@link #get} as counts per option
 * when it has options, so it is never silently left out; give it a {@link TypeReport} to report it properly.
 */
public final class TypeReports {

    private static final Map<String, TypeReport> REPORTS = new LinkedHashMap<>();

    static {
        for (TypeReport report : new TypeReport[] { new OptionReport("choice", false), new OptionReport("quiz", true),
                new MultipleReport(), new NumberReport(false), new NumberReport(true), new RankingReport(),
                new WordCloudReport(), new OpenTextReport() }) {
            REPORTS.put(report.type(), report);
        }
    }

    private TypeReports() {
    }

    /** The report of a poll type; choice for null and for a type without a report of its own. */
    public static TypeReport get(String type) {
        return REPORTS.getOrDefault(type == null ? "choice" : type, REPORTS.get("choice"));
    }

    /** Option deck id by database id, over every option of the poll (archived ones too). */
    static Map<Long, PollOption> optionsById(Poll poll) {
        Map<Long, PollOption> options = new HashMap<>();
        PollOption.listByPoll(poll).forEach(o -> options.put(o.id, o));
        return options;
    }

    /** Rows of {@code [Long optionId, Long count]} keyed by the option's deck id. */
    static Map<String, Long> byKey(Map<Long, PollOption> options, Map<Long, Long> counts) {
        Map<String, Long> byKey = new HashMap<>();
        counts.forEach((id, count) -> {
            PollOption o = options.get(id);
            if (o != null && !o.archived) {
                byKey.merge(o.key, count, Long::sum);
            }
        });
        return byKey;
    }

    static Map<Long, Long> rows(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    /** The text entries of a stored vote (wordcloud, open), in the participant's order, with status and time. */
    static VoteAnswer textsOf(Vote vote) {
        return new VoteAnswer(null, null, null, null, null, null, null, null, VoteText.listByVote(vote).stream()
                .map(t -> new TextAnswer(null, t.position + 1, t.text, t.status, t.createdAt.atOffset(ZoneOffset.UTC)))
                .toList());
    }

    /** The options of a stored vote that holds several (multiple, ranking), in stored order. */
    static List<PollOption> choices(Vote vote) {
        return VoteChoice.listByVote(vote).stream().map(c -> c.option).toList();
    }
}
