package dk.afstemning.organiser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import dk.afstemning.participant.Participant;
import dk.afstemning.poll.Poll;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.reaction.ReactionStore;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.RoundCounts;
import dk.afstemning.report.ReportService;
import dk.afstemning.report.Reports;
import dk.afstemning.results.ResultsService;
import dk.afstemning.stats.Interval;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.VoteText;

/** What the organiser dashboard and a talk's results page show, read from stored votes and the kept counts. */
@ApplicationScoped
@Transactional
public class TalkReports {

    /** Width of a vote timeline bucket, in seconds. */
    public static final int BUCKET_SECONDS = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT);

    @Inject
    ReportService reports;

    @Inject
    PollTypes types;

    @Inject
    ReactionStore reactions;

    @Inject
    ObjectMapper json;

    /** A talk on the dashboard. */
    public record TalkRow(long id, String title, String speaker, LocalDate date, String venue, String joinCode,
            long participants, List<PollVotes> polls) {
    }

    /** @param pollId the deck id of the poll @param votes votes over every round */
    public record PollVotes(String pollId, long votes) {
    }

    /**
     * One row of a poll's table, rounds side by side: an option (or, for scale and slider, a value or bin).
     *
     * @param text the option text or the bar's values
     * @param counts per round: votes (choice, quiz, scale, slider), voters who ticked it (multiple), first places
     *        (ranking)
     * @param percents per round: counts as whole percent of the round's n
     * @param averageRanks ranking only, per round: the mean place rounded to 2 decimals (null when nobody ranked);
     *        null for other types
     * @param borda ranking only, per round: Borda points; null for other types
     * @param correct quiz only: a right answer
     * @param ci95 per round: the 95% Wilson interval of the share, as the exports give it ({@link OptionStat#ci95()});
     *        null in a round without votes
     */
    public record OptionRow(String text, List<Long> counts, List<Integer> percents, List<Double> averageRanks,
            List<Long> borda, boolean correct, List<Interval> ci95) {
    }

    /**
     * The mean of a scale or slider round, rounded to 2 decimals for the page; null fields without enough votes.
     *
     * @param mean the mean
     * @param lower lower bound of its 95% t interval
     * @param upper upper bound
     * @param median the median
     */
    public record MeanCell(Double mean, Double lower, Double upper, Double median) {
    }

    /**
     * A timeline bucket: the start of a {@value #BUCKET_SECONDS} s window and the votes cast in it.
     *
     * @param start the start as {@code yyyy-MM-dd HH:mm:ss UTC} (chart labels)
     * @param at the same start, for the page to write in its language
     */
    public record Bucket(String start, LocalDateTime at, long votes) {
    }

    /**
     * The text entries of one round of a word-cloud or open-text poll, for the page.
     *
     * @param round from 1
     * @param words wordcloud: the merged words, most entries first; empty for open text
     * @param hidden entries hidden by the profanity filter (or, open text, by the presenter)
     * @param shown open: answers shown on the screen, stored and kept (0 for a word cloud)
     * @param waiting open: answers waiting for the presenter, stored and counted by retention (0 for a word cloud)
     * @param answers open: every stored answer and every kept shown answer, oldest first (so after pruning fewer than
     *        {@link #answerCount}: waiting and hidden answers of pruned votes are only counted); empty for a word cloud
     */
    public record TextRound(Integer round, List<WordRow> words, long hidden, long shown, long waiting,
            List<AnswerRow> answers) {

        /** open: every answer of the round, shown, waiting and hidden, stored or pruned. */
        public long answerCount() {
            return shown + waiting + hidden;
        }
    }

    /** A merged word of a word cloud and the participants who wrote it. */
    public record WordRow(String text, long count) {
    }

    /**
     * An open-text answer on the page.
     *
     * @param text exactly as typed; the page shows it as plain text
     * @param status {@code shown}, {@code waiting} or {@code hidden}
     * @param at when it was written, in the server's time zone
     */
    public record AnswerRow(String text, String status, LocalDateTime at) {
    }

    /**
     * A poll's results over all its rounds.
     *
     * @param type the poll type
     * @param totals per round: n, the participants who answered
     * @param means scale and slider only, per round; null for other types
     * @param chart JSON for the chart: {@code {"labels":[…],"rounds":[[…],…],"timeline":{"labels":[…],"votes":[…]}}};
     *        the bars are the counts, for a ranking the Borda points
     * @param voters distinct participants who voted in any round (stored and pruned votes)
     * @param texts wordcloud and open only, per round: the words or the answers (then {@code options} is empty); null
     *        for other types
     */
    public record PollReport(String pollId, String type, String question, String status, List<Integer> rounds,
            List<Long> totals, List<OptionRow> options, List<MeanCell> means, long voters, List<Bucket> timeline,
            String chart, List<TextRound> texts) {
    }

    /**
     * The chart's data as the page's script reads it, in a fixed key order (a {@code Map.of} changed it on every start).
     *
     * @param labels the option texts
     * @param rounds per round, the bar of each option (counts; Borda points for a ranking)
     */
    record Chart(List<String> labels, List<List<Long>> rounds, Timeline timeline) {
    }

    /** @param labels window start times @param votes votes per window */
    record Timeline(List<String> labels, List<Long> votes) {
    }

    /**
     * A talk's results page.
     *
     * @param voters distinct participants who voted in any poll (stored and pruned votes)
     * @param reactions the reactions per slide, slides without any left out
     */
    public record TalkReport(TalkHeader talk, long participants, long voters, int responsePercent, List<PollReport> polls,
            List<ReactionStore.SlideReactions> reactions) {
    }

    /**
     * Every talk, newest date first, filtered.
     *
     * @param query text found (ignoring case) in the title, speaker or join code; null or blank: all
     * @param from first date included, or null
     * @param to last date included, or null
     */
    public List<TalkRow> talks(String query, LocalDate from, LocalDate to) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<Long, Long> participants = countBy("select p.talk.id, count(p) from Participant p group by p.talk.id");
        List<TalkRow> rows = new ArrayList<>();
        for (Talk t : Talk.<Talk>listAll(Sort.descending("date").and("id", Sort.Direction.Descending))) {
            boolean matches = needle.isEmpty() || contains(t.title, needle) || contains(t.speaker, needle)
                    || contains(t.joinCode, needle);
            boolean inRange = (from == null || t.date != null && !t.date.isBefore(from))
                    && (to == null || t.date != null && !t.date.isAfter(to));
            if (matches && inRange) {
                List<PollVotes> polls = Poll.listActiveByTalk(t).stream()
                        .map(p -> new PollVotes(p.key, KeptVotes.votesOfPoll(p.id))).toList();
                rows.add(new TalkRow(t.id, t.title, t.speaker, t.date, t.venue, t.joinCode,
                        participants.getOrDefault(t.id, 0L), polls));
            }
        }
        return rows;
    }

    /** The talk's results page, or null for an unknown talk. */
    public TalkReport report(long talkId) {
        Talk talk = Talk.findById(talkId);
        if (talk == null) {
            return null;
        }
        long participants = Participant.count("talk", talk);
        long voters = KeptVotes.distinctVoters(talk.id, true);
        int rate = participants == 0 ? 0 : ResultsService.percent(voters, participants);
        List<Poll> active = Poll.listActiveByTalk(talk);
        List<Reports.PollReport> stats = reports.talk(talkId).polls();
        List<PollReport> polls = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            polls.add(poll(active.get(i), stats.get(i)));
        }
        return new TalkReport(TalkHeader.of(talk), participants, voters, rate, polls, reactions.byTalk(talk.id));
    }

    /** The page's view of a poll, from its report ({@link ReportService#talk}); round 1 shown even before voting. */
    private PollReport poll(Poll poll, Reports.PollReport report) {
        List<RoundStat> stats = new ArrayList<>(report.rounds());
        if (stats.isEmpty()) {
            stats.add(types.get(poll.type).stat(poll, 1, RoundCounts.NONE, List.of()));
        }
        boolean ranking = stats.get(0).options().stream().anyMatch(o -> o.borda() != null);
        List<Integer> rounds = stats.stream().map(RoundStat::round).map(r -> Math.max(r, 1)).toList();
        List<Long> totals = stats.stream().map(RoundStat::n).toList();
        // Types that take texts show their entries instead of a table of options.
        List<TextRound> texts = types.get(poll.type).takesTexts() ? stats.stream().map(TalkReports::texts).toList() : null;
        List<OptionRow> rows = new ArrayList<>();
        for (int i = 0; texts == null && i < stats.get(0).options().size(); i++) {
            int item = i;
            List<OptionStat> cells = stats.stream().map(r -> r.options().get(item)).toList();
            rows.add(new OptionRow(cells.get(0).text(), cells.stream().map(OptionStat::count).toList(),
                    cells.stream().map(c -> (int) Math.round(100 * c.share())).toList(),
                    ranking ? cells.stream().map(c -> round2(c.averageRank())).toList() : null,
                    ranking ? cells.stream().map(OptionStat::borda).toList() : null,
                    Boolean.TRUE.equals(cells.get(0).correct()),
                    cells.stream().map(OptionStat::ci95).toList()));
        }
        List<MeanCell> means = stats.get(0).mean() == null ? null : stats.stream().map(RoundStat::mean)
                .map(m -> new MeanCell(round2(m.mean()), m.ci95() == null ? null : round2(m.ci95().lower()),
                        m.ci95() == null ? null : round2(m.ci95().upper()), round2(m.median())))
                .toList();
        long voters = KeptVotes.distinctVoters(poll.id, false);
        List<Bucket> timeline = timeline(poll);
        Chart chart = new Chart(rows.stream().map(OptionRow::text).toList(),
                rows.isEmpty() ? List.of() : rounds.stream().map(r -> rows.stream()
                        .map(row -> ranking ? row.borda().get(r - 1) : row.counts().get(r - 1)).toList()).toList(),
                new Timeline(timeline.stream().map(Bucket::start).toList(),
                        timeline.stream().map(Bucket::votes).toList()));
        try {
            return new PollReport(poll.key, poll.type, poll.question, poll.status.name(), rounds, totals, rows, means,
                    voters, timeline, json.writeValueAsString(chart), texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A word-cloud round's words (its items), or an open-text round's answers. */
    private static TextRound texts(RoundStat stat) {
        // UTC, never the server's zone: the page names the zone and shows each time in the browser's (local-times.js).
        ZoneId zone = ZoneOffset.UTC;
        boolean open = stat.answers() != null;
        // open: the items are the answers per status, counted with those of pruned votes (OpenTextReport)
        Map<String, Long> byStatus = new HashMap<>();
        if (open) {
            stat.options().forEach(o -> byStatus.put(o.optionId(), o.count()));
        }
        return new TextRound(Math.max(stat.round(), 1),
                open ? List.of() : stat.options().stream().map(o -> new WordRow(o.text(), o.count())).toList(),
                stat.hidden() == null ? 0 : stat.hidden(), byStatus.getOrDefault(VoteText.SHOWN, 0L),
                byStatus.getOrDefault(VoteText.WAITING, 0L), open ? stat.answers().stream()
                        .map(a -> new AnswerRow(a.text(), a.status(), LocalDateTime.ofInstant(a.at().toInstant(), zone)))
                        .toList() : List.of());
    }

    private static Double round2(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    /**
     * Votes (stored and pruned) per {@value #BUCKET_SECONDS} s window of {@code cast_at}, over every round; empty
     * windows left out.
     */
    private static List<Bucket> timeline(Poll poll) {
        List<Instant> cast = KeptVotes.castTimes(poll.id);
        TreeMap<Long, Long> buckets = new TreeMap<>();
        cast.forEach(at -> buckets.merge(Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS, 1L,
                Long::sum));
        // UTC, never the server's zone: the page names the zone and shows each time in the browser's (local-times.js).
        ZoneId zone = ZoneOffset.UTC;
        return buckets.entrySet().stream()
                .map(e -> {
                    LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochSecond(e.getKey()), zone);
                    return new Bucket(CLOCK.format(at), at, e.getValue());
                })
                .toList();
    }

    private static Map<Long, Long> countBy(String jpql) {
        Map<Long, Long> counts = new HashMap<>();
        Talk.getEntityManager().createQuery(jpql, Object[].class).getResultList()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
