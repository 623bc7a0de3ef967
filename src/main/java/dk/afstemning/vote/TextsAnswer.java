package dk.afstemning.vote;

import java.util.List;

/**
 * {@code {"texts": ["Tillid", "Tid"]}}: entries of free text (wordcloud: the whole set; open: one answer).
 *
 * @param texts the entries in the participant's order; as sent until the type has checked them (may hold null)
 */
public record TextsAnswer(List<String> texts) implements Answer {
}
