package dk.afstemning.poll;

import java.util.List;

/**
 * A poll as the API shows it.
 *
 * @param id the poll's deck id
 * @param type the poll type, {@code choice}
 * @param question the question
 * @param status DRAFT, OPEN or CLOSED
 * @param round the current round, from 1
 * @param slide the 1-based slide the poll is on
 * @param options the active options in order
 */
public record PollView(String id, String type, String question, PollStatus status, int round, Integer slide,
        List<OptionView> options) {

    /** @param id option id, used when voting; @param text the option text */
    public record OptionView(long id, String text) {
    }

    public static PollView of(Poll poll) {
        return new PollView(poll.key, poll.type, poll.question, poll.status, poll.round, poll.slidePosition,
                PollOption.listActiveByPoll(poll).stream().map(o -> new OptionView(o.id, o.text)).toList());
    }
}
