package dk.afstemning.vote;

import java.util.List;

/**
 * {@code {"optionIds": [3, 1]}}: several options, a set (multiple) or an order, best first (ranking).
 *
 * @param optionIds option API ids in the order sent; as sent until the type has checked them (may hold null)
 */
public record OptionsAnswer(List<Long> optionIds) implements Answer {
}
