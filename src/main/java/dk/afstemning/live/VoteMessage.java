package dk.afstemning.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.problem.Graphemes;
import dk.afstemning.problem.JsonFields;

/**
 * A participant's {@code vote} message, decoded as strictly as a REST body ({@code StrictJson}): every field of the
 * right JSON type, no unknown field.
 *
 * @param type always {@code vote}
 * @param pollId the poll's deck id, text of at most {@value #MAX_POLL_ID} characters
 * @param optionId the chosen option, a whole number
 * @param requestId the client's id for this vote, text; optional
 */
record VoteMessage(String type, String pollId, Long optionId, String requestId) {

    static final int MAX_POLL_ID = 64;

    /**
     * @throws ApiProblem 400 {@code invalid-request-id} when requestId is not text, {@code invalid-vote} naming the
     *         field for any other wrong, missing, over-long or unknown field
     */
    static VoteMessage decode(ObjectMapper mapper, JsonNode message) {
        VoteMessage vote;
        try {
            vote = mapper.treeToValue(message, VoteMessage.class);
        } catch (MismatchedInputException e) {
            String field = JsonFields.field(e);
            throw ApiProblem.badRequest(field.equals("requestId") ? "invalid-request-id" : "invalid-vote",
                    JsonFields.detail(e));
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("invalid-vote", "A vote needs a text pollId and a whole-number optionId");
        }
        if (vote.pollId() == null || vote.optionId() == null) {
            throw ApiProblem.badRequest("invalid-vote", "Field '" + (vote.pollId() == null ? "pollId" : "optionId")
                    + "' is missing; a vote needs a text pollId and a whole-number optionId");
        }
        if (Graphemes.count(vote.pollId(), MAX_POLL_ID + 1) > MAX_POLL_ID) {
            throw ApiProblem.badRequest("invalid-vote",
                    "Field 'pollId' must be at most " + MAX_POLL_ID + " characters");
        }
        return vote;
    }
}
