package dk.afstemning.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dk.afstemning.export.Table.Column;
import dk.afstemning.export.Table;
import dk.afstemning.polltype.ReportItems.MeanStat;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.reaction.ReactionStore;
import dk.afstemning.report.Reports.PairTest;
import dk.afstemning.report.Reports.PollReport;
import dk.afstemning.report.Reports.QuestionReport;
import dk.afstemning.report.Reports.TalkAnswers;
import dk.afstemning.report.Reports.TalkReport;
import dk.afstemning.report.Reports.VoteRow;

/**
 * The tables of the exports and their codebook: which columns each table has and what they mean. CSV, XLSX and the
 * codebook are all made from these, so they cannot disagree.
 */
public final class Tables {

    /** Separates the option ids of a multiple or ranking answer in one cell. */
    public static final String OPTION_SEPARATOR = "|";

    /**
     * Columns of the raw votes table: one row per stored vote, except that a word-cloud or open-text vote has one row
     * per text entry (the vote's columns repeated), so that each answer is one cell with its own status and time. Votes
     * the retention job has pruned have no row; the results tables still count them.
     */
    public static final List<Column> VOTES = List.of(
            new Column("talk_id", "integer", "The talk's number in this server"),
            new Column("talk_title", "text", "The talk's title, as in the deck"),
            new Column("poll_id", "text", "The poll's id in the deck; the same id in several talks is the same question"),
            new Column("question", "text", "The question, as in the deck"),
            new Column("round", "integer", "The round of the poll, from 1; a reset starts a new round"),
            new Column("participant", "text", "Pseudonym of the participant: the same within a talk, unlinkable across talks"),
            new Column("option_id", "text", "choice, quiz: the chosen option's id in the deck; empty for other types"),
            new Column("option_position", "integer", "choice, quiz: the chosen option's position in the poll, from 1"),
            new Column("option_text", "text", "choice, quiz: the chosen option's text, as in the deck"),
            new Column("option_archived", "boolean", "choice, quiz: true when the option was later removed from the deck; such votes count in no result"),
            new Column("cast_at_utc", "timestamp", "When the vote was cast or last changed, ISO 8601 in UTC (ending in Z). With retention on (afstemning.retention.raw-votes-days=N) votes older than N days have no row here; the Results tables still count them"),
            new Column("poll_type", "text", "The poll type: choice, quiz, multiple, scale, slider, ranking, wordcloud or open. Every type has one row per vote, except wordcloud and open: one row per text entry (count participants as distinct values of participant)"),
            new Column("option_ids", "text", "multiple: the ticked options' ids in option order; ranking: every option's id, best first; separated by " + OPTION_SEPARATOR),
            new Column("option_texts", "text", "The texts of option_ids in the same order, separated by \" | \" (option_ids is the unambiguous one)"),
            new Column("value", "integer", "scale, slider: the number answered"),
            new Column("correct", "boolean", "quiz: true when the chosen option is a right answer"),
            new Column("text_position", "integer", "wordcloud, open: the entry's place among the participant's entries in the round, from 1"),
            new Column("text", "text", "wordcloud, open: the entry exactly as typed (trimmed), including hidden ones; in CSV a leading ' is added when the text starts with =, +, -, @, tab or CR"),
            new Column("text_status", "text", "wordcloud, open: shown (counted in the cloud, or on the screen), waiting (open text waiting for the presenter) or hidden (profanity filter, or hidden by the presenter)"),
            new Column("text_at_utc", "timestamp", "wordcloud, open: when the entry was written, ISO 8601 in UTC (ending in Z)"));

    /** Columns of the Q&amp;A table: one row per question the audience asked. */
    public static final List<Column> QUESTIONS = List.of(
            new Column("talk_id", "integer", "The talk's number in this server"),
            new Column("talk_title", "text", "The talk's title, as in the deck"),
            new Column("question_id", "integer", "The question's number in this server"),
            new Column("text", "text", "The question exactly as asked (trimmed); in CSV a leading ' is added when it starts with =, +, -, @, tab or CR"),
            new Column("nickname", "text", "The nickname the participant gave, or empty (anonymous)"),
            new Column("participant", "text", "Pseudonym of the participant: the same as in the votes of this talk, unlinkable across talks"),
            new Column("upvotes", "integer", "Participants who upvoted the question"),
            new Column("status", "text", "shown (on the screen and phones), waiting (pre-moderation, never shown) or hidden (by the presenter)"),
            new Column("answered", "boolean", "true when the presenter marked it answered"),
            new Column("asked_at_utc", "timestamp", "When it was asked, ISO 8601 in UTC (ending in Z)"));

    /**
     * Columns of the reactions table: one row per slide that got reactions. A reaction counts on the slide the show
     * (the presenter's screen) was on when it arrived, whatever slide the participant's phone showed.
     */
    public static final List<Column> REACTIONS = List.of(
            new Column("talk_id", "integer", "The talk's number in this server"),
            new Column("talk_title", "text", "The talk's title, as in the deck"),
            new Column("slide", "integer", "The slide's position in the deck, from 1: the slide the show was on when the reactions arrived"),
            new Column("slide_title", "text", "The slide's heading now, or empty (no heading, or a slide the deck no longer has)"),
            new Column("thumbs_up", "integer", "Reactions 👍 (thumbs-up) while the slide was shown"),
            new Column("heart", "integer", "Reactions ❤️ (heart) while the slide was shown"),
            new Column("laugh", "integer", "Reactions 😂 (laugh) while the slide was shown"),
            new Column("clap", "integer", "Reactions 👏 (clap) while the slide was shown"),
            new Column("thinking", "integer", "Reactions 🤔 (thinking) while the slide was shown"),
            new Column("total", "integer", "All reactions while the slide was shown"));

    /** Columns of the results table: one row per option per round (or per talk, and pooled, across talks). */
    public static final List<Column> RESULTS = List.of(
            new Column("talk_id", "integer", "The talk's number; empty on the pooled rows of a question across talks"),
            new Column("talk_title", "text", "The talk's title; 'pooled' on the pooled rows"),
            new Column("poll_id", "text", "The poll's id in the deck"),
            new Column("question", "text", "The question"),
            new Column("round", "integer", "The round counted, from 1; 0 on the pooled rows"),
            new Column("n", "integer", "Votes in the round on options still in the deck (multiple, ranking, wordcloud, open: participants who answered the round)"),
            new Column("small_n", "boolean", "true when n < 30: the share is only indicative"),
            new Column("option_id", "text", "The option's id in the deck"),
            new Column("option_position", "integer", "The option's position, from 1"),
            new Column("option_text", "text", "The option's text"),
            new Column("count", "integer", "Votes for the option"),
            new Column("share", "number", "count / n, from 0 to 1 (0 when n is 0), 6 significant digits"),
            new Column("ci95_lower", "number", "Lower bound of the 95% Wilson score interval of the share; empty when n is 0"),
            new Column("ci95_upper", "number", "Upper bound of the 95% Wilson score interval of the share; empty when n is 0"),
            new Column("poll_type", "text", "The poll type. What a row and its count are: choice, quiz: an option and its votes; multiple: an option and the voters who ticked it (n = voters, shares may add up to more than 1); scale: a value, slider: a bin of values (value_from to value_to) and its votes; ranking: an option and the votes that put it first; wordcloud: a word (entries merged as in the live cloud, in the most common spelling, in option_text; option_id empty) and the participants who wrote it (share of n); open: a moderation status (shown, waiting, hidden, in option_id) and the answers with it (share of all the round's answers; the answers are in the votes table)"),
            new Column("correct", "boolean", "quiz: true when the option is a right answer; empty for other types"),
            new Column("value_from", "integer", "scale, slider: lowest value of the row's bar"),
            new Column("value_to", "integer", "scale, slider: highest value of the row's bar (inclusive); slider bins are 0-9, 10-19, ..., 90-100"),
            new Column("average_rank", "number", "ranking: the option's mean place, 1 is first; empty when nobody ranked"),
            new Column("borda_points", "integer", "ranking: Borda points (Borda 1781): with k options a first place gives k-1 points, the last 0"),
            new Column("mean", "number", "scale, slider: mean of the round's values (the same on every row of the round)"),
            new Column("sd", "number", "scale, slider: sample standard deviation (divisor n-1); empty when n < 2"),
            new Column("mean_ci95_lower", "number", "scale, slider: lower bound of the 95% Student t interval of the mean, clamped to the scale's [min, max] (slider: [0, 100]); empty when n < 2"),
            new Column("mean_ci95_upper", "number", "scale, slider: upper bound of the 95% Student t interval of the mean, clamped to the scale's [min, max] (slider: [0, 100]); empty when n < 2"),
            new Column("median", "number", "scale, slider: the median (mean of the two middle values when n is even)"),
            new Column("hidden", "integer", "wordcloud, open: entries of the round that are hidden (profanity filter, or hidden by the presenter); they count in no word (the same on every row of the round)"));

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
        List<List<Object>> rows = new ArrayList<>();
        for (VoteRow v : votes) {
            VoteAnswer a = v.answer();
            List<Object> vote = Arrays.<Object>asList(v.talkId(), v.talkTitle(), v.pollId(), v.question(), v.round(),
                    v.participant(), a.optionId(), a.optionPosition(), a.optionText(), a.optionArchived(),
                    v.castAt().toString(), v.pollType(),
                    a.optionIds() == null ? null : String.join(OPTION_SEPARATOR, a.optionIds()),
                    a.optionTexts() == null ? null : String.join(" | ", a.optionTexts()), a.value(), a.correct());
            if (a.texts() == null || a.texts().isEmpty()) {
                rows.add(withCells(vote, null, null, null, null));
            } else {
                a.texts().forEach(t -> rows.add(withCells(vote, t.position(), t.text(), t.status(), t.at().toString())));
            }
        }
        return new Table("Votes", VOTES, rows);
    }

    /** A talk's Q&amp;A questions. */
    public static Table questions(List<dk.afstemning.report.Reports.QaRow> questions) {
        List<List<Object>> rows = new ArrayList<>();
        for (var q : questions) {
            rows.add(Arrays.<Object>asList(q.talkId(), q.talkTitle(), q.questionId(), q.text(), q.nickname(),
                    q.participant(), q.upvotes(), q.status(), q.answered(), q.askedAt().toString()));
        }
        return new Table("Questions", QUESTIONS, rows);
    }

    /** A talk's reactions per slide; the kinds in the columns' order. */
    public static Table reactions(long talkId, String talkTitle, List<ReactionStore.SlideReactions> slides) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReactionStore.SlideReactions r : slides) {
            List<Object> row = new ArrayList<>(Arrays.<Object>asList(talkId, talkTitle, r.slide(), r.title()));
            row.addAll(r.counts().values());
            row.add(r.total());
            rows.add(row);
        }
        return new Table("Reactions", REACTIONS, rows);
    }

    private static List<Object> withCells(List<Object> row, Object... cells) {
        List<Object> all = new ArrayList<>(row);
        all.addAll(Arrays.asList(cells));
        return all;
    }

    /** Results of one poll of a talk, every round. */
    public static Table results(TalkReport talk, PollReport poll) {
        List<List<Object>> rows = new ArrayList<>();
        for (RoundStat round : poll.rounds()) {
            addRows(rows, talk.talkId(), talk.title(), poll.pollId(), poll.type(), poll.question(), round);
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
            addRows(rows, t.talkId(), t.title(), question.pollId(), question.type(), question.question(), t.stat());
        }
        addRows(rows, null, "pooled", question.pollId(), question.type(), question.question(), question.pooled());
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

    /**
     * The codebook of the given tables: one row per column. Tables with the same columns are described once; the
     * sheets of a talk's polls, which have the results columns, are described as {@code Results}.
     */
    public static Table codebook(List<Table> tables) {
        List<List<Object>> rows = new ArrayList<>();
        java.util.Set<List<Column>> described = new java.util.HashSet<>();
        for (Table table : tables) {
            if (!described.add(table.columns())) {
                continue;
            }
            String name = table.columns().equals(RESULTS) ? "Results" : table.name();
            for (Column c : table.columns()) {
                rows.add(List.of(name, c.name(), c.type(), c.description()));
            }
        }
        return new Table("Codebook", CODEBOOK, rows);
    }

    /**
     * The codebook of every table name ({@code Votes}, {@code Results}, {@code Tests}, {@code Questions}, {@code Reactions}; poll sheets
     * are Results).
     */
    public static Table codebook() {
        return codebook(List.of(new Table("Votes", VOTES, List.of()), new Table("Results", RESULTS, List.of()),
                new Table("Tests", TESTS, List.of()), new Table("Questions", QUESTIONS, List.of()),
                new Table("Reactions", REACTIONS, List.of())));
    }

    /** {@link #number(double)}, or null for null. */
    static BigDecimal number(Double value) {
        return value == null ? null : number(value.doubleValue());
    }

    /** A number rounded to 6 significant digits, as a {@link BigDecimal} so that it prints without an exponent. */
    static BigDecimal number(double value) {
        BigDecimal number = BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    private static void addRows(List<List<Object>> rows, Long talkId, String title, String pollId, String type,
            String question, RoundStat round) {
        MeanStat m = round.mean();
        for (OptionStat o : round.options()) {
            rows.add(Arrays.asList(talkId, title, pollId, question, round.round(), round.n(), round.smallN(),
                    o.optionId(), o.position(), o.text(), o.count(), number(o.share()),
                    o.ci95() == null ? null : number(o.ci95().lower()),
                    o.ci95() == null ? null : number(o.ci95().upper()), type, o.correct(), o.from(), o.to(),
                    number(o.averageRank()), o.borda(), m == null ? null : number(m.mean()),
                    m == null ? null : number(m.sd()), m == null || m.ci95() == null ? null : number(m.ci95().lower()),
                    m == null || m.ci95() == null ? null : number(m.ci95().upper()),
                    m == null ? null : number(m.median()), round.hidden()));
        }
    }
}
