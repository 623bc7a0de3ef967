package dk.afstemning.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dk.afstemning.export.Table.Column;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.PairTest;
import dk.afstemning.report.Reports.PollReport;
import dk.afstemning.report.Reports.QuestionReport;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.TalkAnswers;
import dk.afstemning.report.Reports.TalkReport;
import dk.afstemning.report.Reports.VoteRow;

/**
 * The tables of the exports and their codebook: which columns each table has and what they mean. CSV, XLSX and the
 * codebook are all made from these, so they cannot disagree.
 */
public final class Tables {

    /** Columns of the raw votes table: one row per stored vote. */
    public static final List<Column> VOTES = List.of(
            new Column("talk_id", "integer", "The talk's number in this server"),
            new Column("talk_title", "text", "The talk's title, as in the deck"),
            new Column("poll_id", "text", "The poll's id in the deck; the same id in several talks is the same question"),
            new Column("question", "text", "The question, as in the deck"),
            new Column("round", "integer", "The round of the poll, from 1; a reset starts a new round"),
            new Column("participant", "text", "Pseudonym of the participant: the same within a talk, unlinkable across talks"),
            new Column("option_id", "text", "The chosen option's id in the deck"),
            new Column("option_position", "integer", "The chosen option's position in the poll, from 1"),
            new Column("option_text", "text", "The chosen option's text, as in the deck"),
            new Column("option_archived", "boolean", "true when the option was later removed from the deck; such votes count in no result"),
            new Column("cast_at", "timestamp", "When the vote was cast or last changed, ISO 8601 with offset (UTC)"));

    /** Columns of the results table: one row per option per round (or per talk, and pooled, across talks). */
    public static final List<Column> RESULTS = List.of(
            new Column("talk_id", "integer", "The talk's number; empty on the pooled rows of a question across talks"),
            new Column("talk_title", "text", "The talk's title; 'pooled' on the pooled rows"),
            new Column("poll_id", "text", "The poll's id in the deck"),
            new Column("question", "text", "The question"),
            new Column("round", "integer", "The round counted, from 1; 0 on the pooled rows"),
            new Column("n", "integer", "Votes in the round on options still in the deck"),
            new Column("small_n", "boolean", "true when n < 30: the share is only indicative"),
            new Column("option_id", "text", "The option's id in the deck"),
            new Column("option_position", "integer", "The option's position, from 1"),
            new Column("option_text", "text", "The option's text"),
            new Column("count", "integer", "Votes for the option"),
            new Column("share", "number", "count / n, from 0 to 1 (0 when n is 0), 6 significant digits"),
            new Column("ci95_lower", "number", "Lower bound of the 95% Wilson score interval of the share; empty when n is 0"),
            new Column("ci95_upper", "number", "Upper bound of the 95% Wilson score interval of the share; empty when n is 0"));

    /** Columns of the tests table of a question across talks. */
    public static final List<Column> TESTS = List.of(
            new Column("test", "text", "chi-square (homogeneity across all talks with votes) or two-proportion z (two talks)"),
            new Column("talk_a", "integer", "First talk of a pairwise test; empty for the chi-square test"),
            new Column("talk_b", "integer", "Second talk of a pairwise test; empty for the chi-square test"),
            new Column("option_id", "text", "Option whose share is compared in a pairwise test; empty for chi-square"),
            new Column("statistic", "number", "X² for chi-square, z for the two-proportion test"),
            new Column("df", "integer", "Degrees of freedom of the chi-square test; empty for z"),
            new Column("p_value", "number", "Two-sided p-value, 6 significant digits"),
            new Column("small_sample", "boolean", "true when an expected count is below 5 (chi-square) or a talk has n < 30 (z): the p-value is approximate"));

    /** Columns of the codebook itself. */
    public static final List<Column> CODEBOOK = List.of(
            new Column("table", "text", "The table (CSV file or XLSX sheet) the column belongs to"),
            new Column("column", "text", "The column's header"),
            new Column("type", "text", "text, integer, number, boolean or timestamp"),
            new Column("description", "text", "What the column holds"));

    private Tables() {
    }

    /** Raw votes. */
    public static Table votes(List<VoteRow> votes) {
        return new Table("Votes", VOTES, votes.stream().map(v -> List.<Object>of(v.talkId(), v.talkTitle(), v.pollId(),
                v.question(), v.round(), v.participant(), v.optionId(), v.optionPosition(), v.optionText(),
                v.optionArchived(), v.castAt().toString())).toList());
    }

    /** Results of one poll of a talk, every round. */
    public static Table results(TalkReport talk, PollReport poll) {
        List<List<Object>> rows = new ArrayList<>();
        for (RoundStat round : poll.rounds()) {
            addRows(rows, talk.talkId(), talk.title(), poll.pollId(), poll.question(), round);
        }
        return new Table(poll.pollId(), RESULTS, rows);
    }

    /** Results of every poll of a talk, every round. */
    public static Table results(TalkReport talk) {
        List<List<Object>> rows = new ArrayList<>();
        talk.polls().forEach(p -> rows.addAll(results(talk, p).rows()));
        return new Table("Results", RESULTS, rows);
    }

    /** A question across talks: each talk's compared round, then the pooled rows. */
    public static Table results(QuestionReport question) {
        List<List<Object>> rows = new ArrayList<>();
        for (TalkAnswers t : question.talks()) {
            addRows(rows, t.talkId(), t.title(), question.pollId(), question.question(), t.stat());
        }
        addRows(rows, null, "pooled", question.pollId(), question.question(), question.pooled());
        return new Table("Results", RESULTS, rows);
    }

    /** The tests of a question across talks: the chi-square test first, then the pairs. */
    public static Table tests(QuestionReport question) {
        List<List<Object>> rows = new ArrayList<>();
        var c = question.chiSquare();
        if (c != null) {
            rows.add(Arrays.asList("chi-square", null, null, null, number(c.statistic()), c.df(), number(c.pValue()),
                    c.small()));
        }
        for (PairTest pair : question.pairs()) {
            var t = pair.test();
            boolean small = question.talks().stream()
                    .filter(a -> a.talkId() == pair.talkA() || a.talkId() == pair.talkB())
                    .anyMatch(a -> a.stat().smallN());
            rows.add(Arrays.asList("two-proportion z", pair.talkA(), pair.talkB(), pair.optionId(),
                    t == null ? null : number(t.z()), null, t == null ? null : number(t.pValue()), small));
        }
        return new Table("Tests", TESTS, rows);
    }

    /** The codebook of the given tables: one row per column. */
    public static Table codebook(List<Table> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (Table table : tables) {
            for (Column c : table.columns()) {
                rows.add(List.of(table.name(), c.name(), c.type(), c.description()));
            }
        }
        return new Table("Codebook", CODEBOOK, rows);
    }

    /** The codebook of every table name ({@code Votes}, {@code Results}, {@code Tests}; poll sheets are Results). */
    public static Table codebook() {
        return codebook(List.of(new Table("Votes", VOTES, List.of()), new Table("Results", RESULTS, List.of()),
                new Table("Tests", TESTS, List.of())));
    }

    /** A number rounded to 6 significant digits, as a {@link BigDecimal} so that it prints without an exponent. */
    static BigDecimal number(double value) {
        BigDecimal number = BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    private static void addRows(List<List<Object>> rows, Long talkId, String title, String pollId, String question,
            RoundStat round) {
        for (OptionStat o : round.options()) {
            rows.add(Arrays.asList(talkId, title, pollId, question, round.round(), round.n(), round.smallN(),
                    o.optionId(), o.position(), o.text(), o.count(), number(o.share()),
                    o.ci95() == null ? null : number(o.ci95().lower()),
                    o.ci95() == null ? null : number(o.ci95().upper())));
        }
    }
}
