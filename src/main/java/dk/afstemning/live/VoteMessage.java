package dk.afstemning.live;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dk.afstemning.vote.Answer;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.Graphemes;
import dk.afstemning.platform.JsonFields;

/**
 * A participant's {@code vote} message, decoded as strictly as a REST body ({@code StrictJson}): every field of the
 * right JSON type, no unknown field.
 *
 * @param type always {@code vote}
 * @param pollId the poll's deck id, text of at most {@value #MAX_POLL_ID} characters
 * @param optionId the chosen option, a whole number (choice, quiz)
 * @param optionIds chosen options (multiple) or every option best first (ranking), at most {@value #MAX_OPTION_IDS}
 *        whole numbers
 * @param value a whole number (scale, slider)
 * @param requestId the client's id for this vote, text; optional
 * @param texts text entries (wordcloud, open), at most {@value #MAX_OPTION_IDS} texts
 */
record VoteMessage(String type, String pollId, Long optionId, List<Long> optionIds, Integer value, String requestId,
        List<String> texts) {

    static final int MAX_POLL_ID = 64;
    static final int MAX_OPTION_IDS = 20;

    /** The answer in the shape every poll type takes; the poll's type checks which field it needs. */
    Answer answer() {
        return Answer.of(optionId, optionIds == null ? null : List.copyOf(optionIds), value,
                texts == null ? null : List.copyOf(texts));
    }

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
            throw ApiProblem.badRequest("invalid-vote", "A vote needs a text pollId and whole-number answer fields");
        }
        if (vote.pollId() == null) {
            throw ApiProblem.badRequest("invalid-vote", "Field 'pollId' is missing; a vote needs a text pollId");
        }
        if (vote.optionIds() != null && (vote.optionIds().size() > MAX_OPTION_IDS || vote.optionIds().contains(null))) {
            throw ApiProblem.badRequest("invalid-vote",
                    "Field 'optionIds' must be a list of at most " + MAX_OPTION_IDS + " whole numbers");
        }
        if (vote.texts() != null && (vote.texts().size() > MAX_OPTION_IDS || vote.texts().contains(null))) {
            throw ApiProblem.badRequest("invalid-vote",
                    "Field 'texts' must be a list of at most " + MAX_OPTION_IDS + " texts");
        }
        if (Graphemes.count(vote.pollId(), MAX_POLL_ID + 1) > MAX_POLL_ID) {
            throw ApiProblem.badRequest("invalid-vote",
                    "Field 'pollId' must be at most " + MAX_POLL_ID + " characters");
        }
        return vote;
    }
}
