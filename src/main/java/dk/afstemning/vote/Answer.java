package dk.afstemning.vote;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a participant answers, in one shape for every poll type; each type uses exactly one field and refuses the
 * others:
 * <ul>
 * <li>{@code choice}, {@code quiz}: {@code optionId}, the chosen option;</li>
 * <li>{@code multiple}: {@code optionIds}, the chosen options (a set; stored in option order);</li>
 * <li>{@code ranking}: {@code optionIds}, every option once, best first;</li>
 * <li>{@code scale}: {@code value}, a whole number on the poll's scale; {@code slider}: {@code value}, 0 to 100;</li>
 * <li>{@code wordcloud}: {@code texts}, the participant's entries (the whole set, replacing an earlier one);
 * {@code open}: {@code texts}, one new answer (added to the participant's earlier ones).</li>
 * </ul>
 *
 * @param optionId the one chosen option's API id, or null
 * @param optionIds several option ids (a set or an order), or null
 * @param value a whole number, or null
 * @param texts entries of free text (word cloud, open text), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(Long optionId, List<Long> optionIds, Integer value, List<String> texts) {

    /** An answer without text (every type but word cloud and open text). */
    public Answer(Long optionId, List<Long> optionIds, Integer value) {
        this(optionId, optionIds, value, null);
    }

    /** A single-option answer. */
    public static Answer option(long optionId) {
        return new Answer(optionId, null, null);
    }

    /** An answer of several options, in the given order. */
    public static Answer options(List<Long> optionIds) {
        return new Answer(null, List.copyOf(optionIds), null);
    }

    /** A number answer. */
    public static Answer number(int value) {
        return new Answer(null, null, value);
    }

    /** An answer of free-text entries, in the given order. */
    public static Answer texts(List<String> texts) {
        return new Answer(null, null, null, List.copyOf(texts));
    }
}
