package dk.afstemning.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import dk.afstemning.text.Graphemes;

/**
 * At most {@link #value()} user-visible characters (extended grapheme clusters, {@code \X} of {@link Pattern}): a
 * family emoji or a letter with combining accents counts as one, where {@code @Size} would count several UTF-16 units.
 * Null is valid.
 */
@Documented
@Constraint(validatedBy = MaxChars.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxChars {

    /** The most user-visible characters allowed. */
    int value();

    /**
     * The most UTF-16 units allowed, the stored column's size; by default {@link #value()} ×
     * {@link Graphemes#UNITS_PER_CHARACTER}. Set it to {@link #value()} for ids stored in a column of that size.
     */
    int units() default -1;

    String message() default "must be at most {value} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link MaxChars}. */
    class Validator implements ConstraintValidator<MaxChars, CharSequence> {

        private int max;

        private int units;

        @Override
        public void initialize(MaxChars annotation) {
            max = annotation.value();
            units = annotation.units() < 0 ? max * Graphemes.UNITS_PER_CHARACTER : annotation.units();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return Graphemes.fits(value, max, units);
        }
    }
}
