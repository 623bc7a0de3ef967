package dk.afstemning.vote;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a participant answers. Each poll type takes exactly one shape and refuses the others:
 * <ul>
 * <li>{@link OptionAnswer} {@code {"optionId": 1}}: the chosen option (choice, quiz);</li>
 * <li>{@link OptionsAnswer} {@code {"optionIds": [1, 3]}}: a set (multiple, stored in option order) or every option
 * once, best first (ranking);</li>
 * <li>{@link NumberAnswer} {@code {"value": 4}}: a whole number on the poll's scale (scale) or 0 to 100 (slider);</li>
 * <li>{@link TextsAnswer} {@code {"texts": ["…"]}}: the participant's entries (wordcloud: the whole set, replacing an
 * earlier one; open: one new answer, added to the participant's earlier ones).</li>
 * </ul>
 * A body with no answer field or with several is a {@link Malformed} answer: no type takes it, and each type refuses it
 * with the same problem as a body with another type's field. Jackson writes every shape as the JSON above (the wire
 * format of votes, acks and stored receipts).
 */
public sealed interface Answer permits OptionAnswer, OptionsAnswer, NumberAnswer, TextsAnswer, Answer.Malformed {

    /**
     * The answer a vote body (REST or socket) gives: the one shape its single non-null field makes, or
     * {@link Malformed} for none or several. Lists are taken as they are (their entries are checked by the type).
     */
    static Answer of(Long optionId, List<Long> optionIds, Integer value, List<String> texts) {
        int fields = (optionId != null ? 1 : 0) + (optionIds != null ? 1 : 0) + (value != null ? 1 : 0)
                + (texts != null ? 1 : 0);
        if (fields != 1) {
            return new Malformed(optionId, optionIds, value, texts);
        }
        if (optionId != null) {
            return new OptionAnswer(optionId);
        }
        if (optionIds != null) {
            return new OptionsAnswer(optionIds);
        }
        return value != null ? new NumberAnswer(value) : new TextsAnswer(texts);
    }

    /** A single-option answer. */
    static OptionAnswer option(long optionId) {
        return new OptionAnswer(optionId);
    }

    /** An answer of several options, in the given order. */
    static OptionsAnswer options(List<Long> optionIds) {
        return new OptionsAnswer(List.copyOf(optionIds));
    }

    /** A number answer. */
    static NumberAnswer number(int value) {
        return new NumberAnswer(value);
    }

    /** An answer of free-text entries, in the given order. */
    static TextsAnswer texts(List<String> texts) {
        return new TextsAnswer(List.copyOf(texts));
    }

    /** The texts the body sent, whatever else it sent (null without texts): a type that takes no texts refuses them first. */
    static List<String> sentTexts(Answer answer) {
        if (answer instanceof TextsAnswer t) {
            return t.texts();
        }
        return answer instanceof Malformed m ? m.texts() : null;
    }

    /** The chosen option of a single-option answer, else null (the {@code optionId} of acks and receipts). */
    static Long optionIdOf(Answer answer) {
        return answer instanceof OptionAnswer o ? o.optionId() : null;
    }

    /**
     * A body with no answer field or with several; never stored. Every type refuses it (400 {@code invalid-answer}).
     *
     * @param optionId as sent, or null
     * @param optionIds as sent, or null
     * @param value as sent, or null
     * @param texts as sent, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Malformed(Long optionId, List<Long> optionIds, Integer value, List<String> texts) implements Answer {
    }
}
