package dk.afstemning.vote;


/**
 * The answer to an accepted vote, sent only after the vote is committed. Every resend of the same request id gets an
 * equal ack.
 *
 * @param requestId the client's request id (or the one the server made when the client sent none)
 * @param pollId the poll's deck id
 * @param optionId the chosen option's id for single-option types (choice, quiz), else null
 * @param answer the stored answer in its canonical form (a multiple choice in option order)
 * @param round the round the vote counts in
 */
public record VoteAck(String requestId, String pollId, Long optionId, Answer answer, int round) {
}
