package dk.afstemning.poll;

import java.util.List;

/**
 * A poll as the API shows it.
 *
 * @param id the poll's deck id
 * @param type the poll type: choice, multiple, scale, slider, ranking or quiz
 * @param question the question
 * @param status DRAFT, OPEN or CLOSED
 * @param round the current round, from 1
 * @param slide the 1-based slide the poll is on
 * @param results {@code live} or {@code hidden} (until revealed)
 * @param revealed whether hidden results have been revealed in this round
 * @param voteChanges whether a participant may change a vote
 * @param timeLimit seconds from opening until the server closes the poll, or null
 * @param closesAt when the server closes the open poll, or null
 * @param options the active options in order (empty for scale and slider)
 * @param min multiple: fewest selections; scale: lowest value; else null
 * @param max multiple: most selections; scale: highest value; wordcloud: entries per participant; else null
 * @param low scale: label of the low end; slider: left pole; else null
 * @param high scale: label of the high end; slider: right pole; else null
 * @param maxChars wordcloud, open: most user-visible characters per entry; else null
 * @param moderation open: whether answers wait for the presenter's approval; else null
 */
public record PollView(String id, String type, String question, PollStatus status, int round, Integer slide,
        String results, boolean revealed, boolean voteChanges, Integer timeLimit, java.time.Instant closesAt,
        List<OptionView> options, Integer min, Integer max, String low, String high, Integer maxChars, Boolean moderation) {

    /** @param id option id, used when voting; @param text the option text */
    public record OptionView(long id, String text) {
    }

    /** @param types what the view needs of the poll's type (its moderation) */
    public static PollView of(Poll poll, PollTypeInfo types) {
        return new PollView(poll.key, poll.type, poll.question, poll.status, poll.round, poll.slidePosition,
                poll.resultsMode, poll.revealed, poll.allowChange, poll.timeLimit, poll.closesAt, PollOption.listActiveByPoll(poll).stream().map(o -> new OptionView(o.id, o.text)).toList(),
                poll.minAnswers, poll.maxAnswers, poll.labelLow, poll.labelHigh, poll.maxChars,
                types.moderation(poll));
    }
}
