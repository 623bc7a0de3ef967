package dk.afstemning.vote;

/**
 * {@code {"optionId": 1}}: one chosen option (choice, quiz).
 *
 * @param optionId the option's API id
 */
public record OptionAnswer(long optionId) implements Answer {
}
