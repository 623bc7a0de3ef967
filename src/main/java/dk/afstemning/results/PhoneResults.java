package dk.afstemning.results;

/**
 * When a phone shows a poll's results, the poll's {@code phone-results}: {@value #AFTER_VOTE} (the default: the
 * participants who voted in the current round), {@value #AFTER_CLOSE} (every phone once the poll is closed) or
 * {@value #NEVER}. Results still hidden on the screen ({@code results: hidden}, an open quiz) stay hidden on phones.
 */
public final class PhoneResults {

    public static final String AFTER_VOTE = "after-vote";
    public static final String AFTER_CLOSE = "after-close";
    public static final String NEVER = "never";

    private PhoneResults() {
    }

    /**
     * Whether a phone gets the results of a poll.
     *
     * @param mode the poll's {@code phone-results}
     * @param status the poll's status, DRAFT, OPEN or CLOSED
     * @param votedThisRound whether the phone's participant voted in the poll's current round
     */
    public static boolean shows(String mode, String status, boolean votedThisRound) {
        return switch (mode) {
            case AFTER_CLOSE -> "CLOSED".equals(status);
            case NEVER -> false;
            default -> votedThisRound;
        };
    }
}
