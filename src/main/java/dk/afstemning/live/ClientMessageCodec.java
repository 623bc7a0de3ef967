package dk.afstemning.live;

import java.lang.reflect.Type;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.websockets.next.TextMessageCodec;

import dk.afstemning.platform.InvalidText;
import dk.afstemning.platform.JsonFields;
import dk.afstemning.problem.ApiProblem;

/**
 * Decodes a live client's text frame into a {@link ClientMessage} with the application's strict Jackson mapper. It
 * never throws: text that is not a message of a known type becomes {@link ClientMessage.Refused} or
 * {@link ClientMessage.Unsupported}, with the error the client gets back (so the connection stays open). The
 * {@code requestId} of a refused message is echoed when it is text.
 */
@Singleton
public class ClientMessageCodec implements TextMessageCodec<ClientMessage> {

    private static final Set<String> TYPES = Set.of("ping", "vote", "nickname", "ask", "upvote", "reaction");

    @Inject
    ObjectMapper mapper;

    @Override
    public boolean supports(Type type) {
        return type.equals(ClientMessage.class);
    }

    @Override
    public String encode(ClientMessage value) {
        throw new UnsupportedOperationException("client messages are only read");
    }

    @Override
    public ClientMessage decode(Type type, String text) {
        return decode(text);
    }

    ClientMessage decode(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new ClientMessage.Refused(null, 400, "malformed-json", "The message is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            return ClientMessage.Refused.of(null,
                    ApiProblem.badRequest("malformed-message", "A message must be a JSON object with a type"));
        }
        String type = tree.path("type").asText("");
        if (type.equals("ping")) {
            return new ClientMessage.Ping();
        }
        String requestId = tree.path("requestId").isTextual() ? tree.path("requestId").asText() : null;
        if (!TYPES.contains(type)) {
            return new ClientMessage.Unsupported(type, requestId);
        }
        ObjectNode message = (ObjectNode) tree;
        if (!type.equals("vote") && message.has("requestId") && requestId == null) {
            // Only a vote refuses a request id that is not text; the others go on without one, as they always have.
            message.remove("requestId");
        }
        try {
            ClientMessage decoded = mapper.treeToValue(message, ClientMessage.class);
            return decoded instanceof ClientMessage.Vote vote ? vote.checked() : checked(decoded);
        } catch (InvalidText e) {
            return ClientMessage.Refused.of(requestId, e.problem());
        } catch (MismatchedInputException e) {
            return ClientMessage.Refused.of(requestId, refusal(type, e));
        } catch (JsonProcessingException e) {
            return ClientMessage.Refused.of(requestId, refusal(type, null));
        } catch (ApiProblem e) {
            return ClientMessage.Refused.of(requestId, e);
        }
    }

    /** The refusal of a message of a known type whose fields do not fit; {@code e} names the field, may be null. */
    private static ApiProblem refusal(String type, MismatchedInputException e) {
        switch (type) {
            case "vote":
                if (e == null) {
                    return ApiProblem.badRequest("invalid-vote",
                            "A vote needs a text pollId and whole-number answer fields");
                }
                return ApiProblem.badRequest(JsonFields.field(e).equals("requestId") ? "invalid-request-id"
                        : "invalid-vote", JsonFields.detail(e));
            case "nickname":
                return invalidNickname();
            case "ask":
                return invalidQuestion();
            case "reaction":
                return invalidReaction();
            default:
                return invalidUpvote();
        }
    }

    /** The required fields of the messages that Jackson lets be null. */
    private static ClientMessage checked(ClientMessage message) {
        if (message instanceof ClientMessage.Nickname n && n.nickname() == null) {
            throw invalidNickname();
        }
        if (message instanceof ClientMessage.Ask a && a.text() == null) {
            throw invalidQuestion();
        }
        if (message instanceof ClientMessage.Upvote u && u.questionId() == null) {
            throw invalidUpvote();
        }
        if (message instanceof ClientMessage.Reaction r && r.reaction() == null) {
            throw invalidReaction();
        }
        return message;
    }

    private static ApiProblem invalidNickname() {
        return ApiProblem.badRequest("invalid-nickname", "A nickname message needs a text nickname");
    }

    private static ApiProblem invalidQuestion() {
        return ApiProblem.badRequest("invalid-question", "A question needs a text 'text' and may have a text 'nickname'");
    }

    private static ApiProblem invalidReaction() {
        return ApiProblem.badRequest("unknown-reaction",
                "A reaction needs a text 'reaction': thumbs-up, heart, laugh, clap or thinking");
    }

    private static ApiProblem invalidUpvote() {
        return ApiProblem.badRequest("invalid-upvote", "An upvote needs a whole-number questionId");
    }
}
