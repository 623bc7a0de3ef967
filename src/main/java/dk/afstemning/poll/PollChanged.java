package dk.afstemning.poll;

/**
 * Fired inside the transaction that changed a poll's votes or state; observers act after commit only.
 *
 * @param pollId database id of the poll
 * @param joinCode the talk's join code, to find its live connections
 * @param stateChanged true when the poll was opened, closed or reset, false for votes
 */
public record PollChanged(long pollId, String joinCode, boolean stateChanged) {
}
