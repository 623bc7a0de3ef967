package dk.afstemning.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The registry of poll types by their deck name. */
public final class QuestionTypes {

    private static final Map<String, QuestionType> TYPES = new LinkedHashMap<>();

    static {
        for (QuestionType type : new QuestionType[] { new ChoiceType(), new MultipleType(), new NumberType(false),
                new NumberType(true), new RankingType(), new QuizType(), new WordCloudType(), new OpenTextType() }) {
            TYPES.put(type.name(), type);
        }
    }

    private QuestionTypes() {
    }

    /** Every type name, e.g. for the deck parser's message. */
    public static Set<String> names() {
        return TYPES.keySet();
    }

    /** @return the type, or null for an unknown name */
    public static QuestionType find(String name) {
        return TYPES.get(name);
    }

    /** @throws IllegalStateException for a name no deck can produce */
    public static QuestionType get(String name) {
        QuestionType type = TYPES.get(name == null ? "choice" : name);
        if (type == null) {
            throw new IllegalStateException("Unknown poll type " + name);
        }
        return type;
    }

    /** Most options a poll of this type may have. */
    public static int maxOptions(String name) {
        return "ranking".equals(name) ? RankingType.MAX_OPTIONS : 20;
    }

    /** Most open-text answers one participant may send in a round (the server refuses more). */
    public static int maxOpenAnswers() {
        return OpenTextType.MAX_ANSWERS;
    }
}
