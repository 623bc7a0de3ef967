package dk.afstemning.results;

import java.util.List;

/**
 * The results of a poll's current round, read from stored votes. Also the body of the live {@code results} message.
 *
 * @param type always {@code "results"}, so the record is its own WebSocket message
 * @param pollId the poll's deck id
 * @param question the question
 * @param status DRAFT, OPEN or CLOSED
 * @param round the current round, from 1
 * @param version grows with every change of the poll; clients drop a message whose version is not newer
 * @param total number of votes in the round
 * @param counts one entry per active option, in option order
 */
public record PollResults(String type, String pollId, String question, String status, int round, long version,
        long total, List<OptionCount> counts) {

    /**
     * @param optionId the option's id
     * @param text the option text
     * @param count votes for the option
     * @param percent share of the round's votes in whole percent, rounded half up; 0 when there are no votes
     */
    public record OptionCount(long optionId, String text, long count, int percent) {
    }
}
