package dk.afstemning.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.afstemning.platform.StrictJson;

/** Decoding a live client's text frames into typed messages, without a running application. */
class ClientMessageCodecTest {

    ClientMessageCodec codec;

    @BeforeEach
    void strictMapper() {
        codec = new ClientMessageCodec();
        codec.mapper = new ObjectMapper();
        new StrictJson().customize(codec.mapper);
    }

    @Test
    void eachTypeBecomesItsRecord() {
        assertThat(codec.decode("{\"type\":\"ping\",\"at\":1}")).isEqualTo(new ClientMessage.Ping());
        assertThat(codec.decode("{\"type\":\"vote\",\"pollId\":\"q\",\"optionIds\":[3,1],\"requestId\":\"r\"}"))
                .isEqualTo(new ClientMessage.Vote("q", null, List.of(3L, 1L), null, "r", null));
        assertThat(codec.decode("{\"type\":\"nickname\",\"nickname\":\"Ada\",\"requestId\":7}"))
                .isEqualTo(new ClientMessage.Nickname("Ada", null));
        assertThat(codec.decode("{\"type\":\"ask\",\"text\":\"Hvorfor?\",\"requestId\":\"a\"}"))
                .isEqualTo(new ClientMessage.Ask("Hvorfor?", null, "a"));
        assertThat(codec.decode("{\"requestId\":\"u\",\"questionId\":7,\"type\":\"upvote\"}"))
                .isEqualTo(new ClientMessage.Upvote(7L, "u"));
    }

    @Test
    void whatCannotBeDecodedBecomesARefusalWithTheErrorToSend() {
        assertThat(codec.decode("{\"type\":")).isEqualTo(
                new ClientMessage.Refused(null, 400, "malformed-json", "The message is not valid JSON"));
        assertThat(codec.decode("[1]")).isEqualTo(new ClientMessage.Refused(null, 400, "malformed-message",
                "A message must be a JSON object with a type"));
        assertThat(codec.decode("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":\"1\",\"requestId\":\"r-1\"}"))
                .isEqualTo(new ClientMessage.Refused("r-1", 400, "invalid-vote",
                        "Field 'optionId' must be a whole number"));
        assertThat(codec.decode("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":1,\"requestId\":1.5}"))
                .isEqualTo(new ClientMessage.Refused(null, 400, "invalid-request-id",
                        "Field 'requestId' must be text"));
        assertThat(codec.decode("{\"type\":\"upvote\",\"questionId\":\"7\"}")).isEqualTo(
                new ClientMessage.Refused(null, 400, "invalid-upvote", "An upvote needs a whole-number questionId"));
        assertThat(codec.decode("{\"type\":\"results\",\"requestId\":\"x\",\"counts\":{\"A\":9999}}"))
                .isEqualTo(new ClientMessage.Unsupported("results", "x"));
    }
}
