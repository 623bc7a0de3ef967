package dk.afstemning.live;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.Graphemes;
import dk.afstemning.vote.Answer;

/**
 * A message from a live client, decoded by {@link ClientMessageCodec}: a JSON object whose {@code type} names the
 * record. Messages the codec cannot take are {@link Refused} or {@link Unsupported}, so every text frame becomes
 * exactly one of these and the socket answers it without closing. Participants send all kinds; the presenter and
 * screen feeds accept only {@link Ping}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ClientMessage.Vote.class, name = "vote"),
        @JsonSubTypes.Type(value = ClientMessage.Nickname.class, name = "nickname"),
        @JsonSubTypes.Type(value = ClientMessage.Ask.class, name = "ask"),
        @JsonSubTypes.Type(value = ClientMessage.Upvote.class, name = "upvote"),
        @JsonSubTypes.Type(value = ClientMessage.Reaction.class, name = "reaction") })
public sealed interface ClientMessage {

    /** The client's id of the request, echoed in the answer; null when missing or not text. */
    String requestId();

    /** {@code {"type":"ping"}}, the pages' heartbeat ({@link Heartbeat}); answered with a pong. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ping() implements ClientMessage {
        @Override
        public String requestId() {
            return null;
        }
    }

    /**
     * A participant's answer to a poll, decoded as strictly as a REST body ({@code StrictJson}): every field of the
     * right JSON type, no unknown field.
     *
     * @param pollId the poll's deck id, text of at most {@value #MAX_POLL_ID} characters
     * @param optionId the chosen option, a whole number (choice, quiz)
     * @param optionIds chosen options (multiple) or every option best first (ranking), at most
     *        {@value #MAX_OPTION_IDS} whole numbers
     * @param value a whole number (scale, slider)
     * @param requestId the client's id for this vote, text; optional
     * @param texts text entries (wordcloud, open), at most {@value #MAX_OPTION_IDS} texts
     */
    record Vote(String pollId, Long optionId, List<Long> optionIds, Integer value, String requestId,
            List<String> texts) implements ClientMessage {

        static final int MAX_POLL_ID = 64;
        static final int MAX_OPTION_IDS = 20;

        /** The answer in the shape every poll type takes; the poll's type checks which field it needs. */
        public Answer answer() {
            return Answer.of(optionId, optionIds == null ? null : List.copyOf(optionIds), value,
                    texts == null ? null : List.copyOf(texts));
        }

        /** @throws ApiProblem 400 {@code invalid-vote} naming the field that is missing, too long or too many */
        Vote checked() {
            if (pollId == null) {
                throw ApiProblem.badRequest("invalid-vote", "Field 'pollId' is missing; a vote needs a text pollId");
            }
            if (optionIds != null && (optionIds.size() > MAX_OPTION_IDS || optionIds.contains(null))) {
                throw ApiProblem.badRequest("invalid-vote",
                        "Field 'optionIds' must be a list of at most " + MAX_OPTION_IDS + " whole numbers");
            }
            if (texts != null && (texts.size() > MAX_OPTION_IDS || texts.contains(null))) {
                throw ApiProblem.badRequest("invalid-vote",
                        "Field 'texts' must be a list of at most " + MAX_OPTION_IDS + " texts");
            }
            if (Graphemes.count(pollId, MAX_POLL_ID + 1) > MAX_POLL_ID) {
                throw ApiProblem.badRequest("invalid-vote",
                        "Field 'pollId' must be at most " + MAX_POLL_ID + " characters");
            }
            return this;
        }
    }

    /** A participant's quiz nickname; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Nickname(String nickname, String requestId) implements ClientMessage {
    }

    /** A Q&amp;A question; {@code nickname} is optional. Other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ask(String text, String nickname, String requestId) implements ClientMessage {
    }

    /** An upvote of a Q&amp;A question. Other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Upvote(Long questionId, String requestId) implements ClientMessage {
    }

    /**
     * A reaction, {@code {"type":"reaction","reaction":"heart"}}: one of thumbs-up, heart, laugh, clap, thinking (the
     * reaction package checks the name). Other fields are ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reaction(String reaction, String requestId) implements ClientMessage {
    }

    /** A message of a type nobody takes; {@code type} as sent (may be empty). */
    record Unsupported(String type, String requestId) implements ClientMessage {
    }

    /** A message the codec refused (not JSON, not an object, a field of the wrong type): answered with this error. */
    record Refused(String requestId, int status, String problem, String detail) implements ClientMessage {

        static Refused of(String requestId, ApiProblem e) {
            return new Refused(requestId, e.status(), e.type(), e.detail());
        }
    }
}
