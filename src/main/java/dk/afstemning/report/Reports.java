package dk.afstemning.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.afstemning.stats.Comparisons;
import dk.afstemning.stats.Interval;

/** The records of organiser reports and exports; every one is also the JSON shape of the API and the JSON export. */
public final class Reports {

    private Reports() {
    }

    /**
     * One item of a round: an option (choice, quiz, multiple, ranking) or a bar of the distribution (scale: one value;
     * slider: one of the 10 bins). What {@code count} counts depends on the type (see {@link TypeReport}):
     * choice/quiz votes for the option; multiple voters who ticked it; scale/slider votes with a value from
     * {@code from} to {@code to}; ranking votes that put it first; wordcloud participants who wrote the word (a merged
     * word in its most common spelling; share of n); open answers with one moderation status ({@code shown},
     * {@code waiting}, {@code hidden}; share of all the round's answers).
     *
     * @param optionId the option's deck id; null for a bar and a word; for open text the status
     * @param position 1-based position in the poll (or of the bar)
     * @param text the option text, exactly as in the deck; for a bar its values, e.g. {@code 3} or {@code 10–19}; the
     *        word as typed; the status
     * @param count see above
     * @param share count / n, from 0 to 1 (0 when n is 0)
     * @param ci95 95% Wilson score interval of the share, null when n is 0
     * @param correct quiz only: whether the option is a right answer
     * @param from scale/slider only: lowest value of the bar
     * @param to scale/slider only: highest value of the bar (inclusive)
     * @param averageRank ranking only: mean place, 1 is first; null when nobody ranked
     * @param borda ranking only: Borda points (n options: n−1 for a first place … 0 for the last)
     */
    public record OptionStat(String optionId, int position, String text, long count, double share, Interval ci95,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean correct,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer from,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer to,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double averageRank,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long borda) {

        /** An option's count and share, for the option types. */
        public static OptionStat of(String optionId, int position, String text, long count, long n) {
            return new OptionStat(optionId, position, text, count, dk.afstemning.stats.Proportions.share(count, n),
                    dk.afstemning.stats.Proportions.wilson95(count, n), null, null, null, null, null);
        }
    }

    /**
     * The mean of a scale or slider round.
     *
     * @param mean arithmetic mean, null without votes
     * @param sd sample standard deviation (divisor n−1), null below 2 votes
     * @param ci95 95% Student t interval of the mean, null below 2 votes
     * @param median the median (mean of the two middle values for an even n), null without votes
     */
    public record MeanStat(Double mean, Double sd, Interval ci95, Double median) {
    }

    /**
     * One round of a poll.
     *
     * @param round from 1 (0 for a pooled total)
     * @param n votes in the round: participants who answered (on options still in the deck, for choice and quiz)
     * @param smallN true when n is below the small-sample limit (30)
     * @param options one entry per option in the deck, in order, or per bar for scale and slider
     * @param mean scale and slider only: the mean, its interval and the median
     * @param hidden wordcloud, open only: entries of the round that are hidden (caught by the profanity filter, or, for
     *        open text, hidden by the presenter); they count in no word
     * @param answers open only: every answer of the round, oldest first, with its status
     */
    public record RoundStat(int round, long n, boolean smallN, List<OptionStat> options,
            @JsonInclude(JsonInclude.Include.NON_NULL) MeanStat mean,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long hidden,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<TextAnswer> answers) {

        /** A round of a type without text entries. */
        public RoundStat(int round, long n, boolean smallN, List<OptionStat> options, MeanStat mean) {
            this(round, n, smallN, options, mean, null, null);
        }
    }

    /**
     * One free-text entry: a word-cloud entry or an open-text answer.
     *
     * @param participant in a round's {@link RoundStat#answers()}: the author's pseudonym ({@link Pseudonyms}); null
     *        (left out) in a vote's answer, whose row names the participant
     * @param position 1-based place among the author's entries of the round
     * @param text exactly as typed (trimmed)
     * @param status {@code shown}, {@code waiting} (open text waiting for the presenter) or {@code hidden}
     * @param at when the entry was written, ISO 8601 with offset (UTC)
     */
    public record TextAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String participant, int position, String text,
            String status, OffsetDateTime at) {
    }

    /**
     * A poll of a talk with every round.
     *
     * @param pollId the poll's deck id ({@code id:} in the poll block)
     * @param type the poll type, e.g. {@code choice}
     * @param question the question
     * @param status DRAFT, OPEN or CLOSED
     * @param rounds rounds 1 to the current one
     */
    public record PollReport(String pollId, String type, String question, String status, List<RoundStat> rounds) {
    }

    /**
     * A talk as organisers look back on it.
     *
     * @param talkId the talk's number
     * @param title deck title
     * @param speaker may be null
     * @param venue may be null
     * @param date may be null
     * @param joinCode the join code
     * @param participants everyone who joined
     * @param polls the talk's polls in slide order
     */
    public record TalkReport(long talkId, String title, String speaker, String venue, LocalDate date, String joinCode,
            long participants, List<PollReport> polls) {
    }

    /**
     * One stored vote, for the raw-votes part of an export.
     *
     * @param talkId the talk
     * @param talkTitle its title
     * @param pollId the poll's deck id
     * @param pollType the poll's type, e.g. {@code multiple}
     * @param question the question
     * @param round the round
     * @param participant the participant's pseudonym, stable within the talk only ({@link Pseudonyms})
     * @param answer what the participant answered, in the fields of the poll's type
     * @param castAt when the vote was cast or last changed, ISO 8601 with offset (UTC)
     */
    public record VoteRow(long talkId, String talkTitle, String pollId, String pollType, String question, int round,
            String participant, VoteAnswer answer, OffsetDateTime castAt) {
    }

    /**
     * A stored answer; each type fills its fields and leaves the others null (left out of JSON).
     *
     * @param optionId choice, quiz: the chosen option's deck id
     * @param optionPosition choice, quiz: its 1-based position
     * @param optionText choice, quiz: its text
     * @param optionArchived choice, quiz: true when the option was later removed from the deck (the vote is kept, but
     *        counts in no result)
     * @param correct quiz: whether the chosen option is right
     * @param optionIds multiple: the ticked options' deck ids in option order; ranking: every option, best first
     * @param optionTexts the texts of {@code optionIds}, in the same order
     * @param value scale, slider: the number
     * @param texts wordcloud, open: the entries in the participant's order, with their status
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoteAnswer(String optionId, Integer optionPosition, String optionText, Boolean optionArchived,
            Boolean correct, List<String> optionIds, List<String> optionTexts, Integer value, List<TextAnswer> texts) {

        /** An answer without text entries. */
        public VoteAnswer(String optionId, Integer optionPosition, String optionText, Boolean optionArchived,
                Boolean correct, List<String> optionIds, List<String> optionTexts, Integer value) {
            this(optionId, optionPosition, optionText, optionArchived, correct, optionIds, optionTexts, value, null);
        }
    }

    /**
     * A talk's export: the report and every stored vote.
     *
     * @param talk the report
     * @param votes every stored vote of the talk, by poll, round and time
     */
    public record TalkExport(TalkReport talk, List<VoteRow> votes) {
    }

    /**
     * A poll id that occurs in one or more talks.
     *
     * @param pollId the deck id shared by the polls
     * @param question the question of the most recent talk's poll
     * @param talks how many talks have it
     * @param votes votes in the rounds compared (the latest round with votes of each talk)
     */
    public record QuestionSummary(String pollId, String question, long talks, long votes) {
    }

    /**
     * One talk's answers to a question shared across talks.
     *
     * @param talkId the talk
     * @param title its title
     * @param date its date, may be null
     * @param venue its venue, may be null
     * @param round the round compared: the latest round with votes (the current one when none has votes)
     * @param stat counts, shares and intervals of that round
     */
    public record TalkAnswers(long talkId, String title, LocalDate date, String venue, int round, RoundStat stat) {
    }

    /**
     * A two-proportion test between two talks, for questions with exactly two options: the share choosing the first
     * option.
     *
     * @param talkA first talk
     * @param talkB second talk
     * @param optionId the option whose shares are compared
     * @param test the test, null when it cannot be computed (a talk without votes, or everyone chose the same)
     */
    public record PairTest(long talkA, long talkB, String optionId, Comparisons.TwoProportions test) {
    }

    /**
     * The same question across talks.
     *
     * @param pollId the shared deck id
     * @param type the poll type of the most recent talk's poll
     * @param question the question of the most recent talk's poll
     * @param options the union of options over the talks, by option id, in first-seen order
     * @param talks each talk's answers, by talk date then id
     * @param pooled every talk's counts added up (round number 0)
     * @param chiSquare chi-square test of homogeneity across talks, null when fewer than two talks have votes, and for
     *        multiple and ranking (a vote there counts in several items, so the table is no contingency table)
     * @param pairs pairwise two-proportion tests, only when the question has exactly two options
     */
    public record QuestionReport(String pollId, String type, String question, List<OptionKey> options, List<TalkAnswers> talks,
            RoundStat pooled, Comparisons.ChiSquare chiSquare, List<PairTest> pairs) {
    }

    /**
     * An option as it lines up across talks.
     *
     * @param optionId the deck id
     * @param text its text in the most recent talk that has it
     * @param correct quiz only: whether it is a right answer
     */
    public record OptionKey(String optionId, String text,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean correct) {
    }

    /**
     * A question's export: the comparison and every vote of the compared rounds.
     *
     * @param question the comparison
     * @param votes the votes behind it
     */
    public record QuestionExport(QuestionReport question, List<VoteRow> votes) {
    }
}
