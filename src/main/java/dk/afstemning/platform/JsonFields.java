package dk.afstemning.platform;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a refused JSON value was, in words a client developer can act on; the same wording for REST problem bodies and
 * socket error messages.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The dotted path of the offending field ({@code options.[2]}), or "" when the whole body is wrong. */
    public static String field(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /**
     * E.g. {@code Field 'requestId' must be text}, {@code Field 'optionId' must be a whole number},
     * {@code Field 'colour' is not known}.
     */
    public static String detail(MismatchedInputException e) {
        String field = field(e);
        return field.isEmpty() ? "The request body does not have the expected shape"
                : "Field '" + field + "' " + fault(e);
    }

    /** {@code must be text}, {@code must be a whole number}, {@code is not known}, … */
    public static String fault(MismatchedInputException e) {
        return e instanceof UnrecognizedPropertyException ? "is not known" : "must be " + expected(e.getTargetType());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "of another type";
    }
}
