package dk.afstemning.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.ControlChars;

/**
 * A JSON text value holding a control character ({@link ControlChars}), refused by {@link StrictJson} while the body or
 * socket message is read, so nothing of it is stored. Answered as {@link ApiProblem#invalidText}, naming the field.
 */
public class InvalidText extends MismatchedInputException {

    private final String character;

    InvalidText(JsonParser parser, String character) {
        super(parser, "Text may not hold the control character " + character, String.class);
        this.character = character;
    }

    /** The 400 {@code invalid-text} answer, e.g. {@code Field 'text' holds the control character U+0000; ...}. */
    public ApiProblem problem() {
        String field = JsonFields.field(this);
        return ApiProblem.invalidText(field.isEmpty() ? "The text" : "Field '" + field + "'", character);
    }
}
