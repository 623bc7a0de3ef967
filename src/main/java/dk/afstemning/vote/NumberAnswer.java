package dk.afstemning.vote;

/**
 * {@code {"value": 4}}: a whole number (scale: on the poll's scale; slider: 0 to 100).
 *
 * @param value the number
 */
public record NumberAnswer(int value) implements Answer {
}
