package dk.afstemning.polltype;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.afstemning.stats.Interval;

/**
 * The records a poll type reports a round in ({@link PollType#stat}, {@link PollType#answer}); organiser reports and
 * exports ({@code report.Reports}) are made of them, and each is also a JSON shape of the API and the JSON export.
 */
public final class ReportItems {

    private ReportItems() {
    }

    /**
     * One item of a round: an option (choice, quiz, multiple, ranking) or a bar of the distribution (scale: one value;
     * slider: one of the 10 bins). What {@code count} counts depends on the type (see {@link PollType}):
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
     * An option as it lines up across talks.
     *
     * @param optionId the deck id
     * @param text its text in the most recent talk that has it
     * @param correct quiz only: whether it is a right answer
     */
    public record OptionKey(String optionId, String text,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean correct) {
    }
}
