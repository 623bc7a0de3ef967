package dk.afstemning.platform;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.ControlChars;

/**
 * The control character check ({@link ControlChars}) for text that does not come as JSON ({@link StrictJson} checks
 * that): form fields, and services that store text whatever path it came by.
 */
public final class TextInput {

    private TextInput() {
    }

    /**
     * @param field the field's name, for the message
     * @return {@code value}, unchanged (may be null)
     * @throws ApiProblem 400 {@code invalid-text} when it holds U+0000 or another control character but tab and line
     *         breaks
     */
    public static String clean(String field, String value) {
        int bad = value == null ? -1 : ControlChars.first(value);
        if (bad >= 0) {
            throw ApiProblem.invalidText("Field '" + field + "'", ControlChars.name(value, bad));
        }
        return value;
    }
}
