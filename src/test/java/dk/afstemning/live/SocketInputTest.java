package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.LogCapture;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Strict input on the participant socket: wrong JSON types, unknown fields, over-long text, binary frames and
 * over-sized messages each get one {@code error} naming the problem, nothing is stored, and the connection stays open;
 * and the heartbeat: every live socket answers {@code ping} with {@code pong}.
 */
@QuarkusTest
class SocketInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    TalkFixture talk;
    String code;
    List<Integer> options;

    @BeforeEach
    void talk() {
        talk = TalkFixture.opened(importer, base);
        code = talk.code;
        options = talk.options();
    }

    private SocketClient phone(String token) throws InterruptedException {
        SocketClient phone = talk.phone(token);
        phone.next("state");
        return phone;
    }

    private static JsonNode errorFor(SocketClient phone, String message) throws InterruptedException {
        phone.send(message);
        JsonNode answer = phone.next(n -> !n.path("type").asText().equals("poll"));
        assertThat(answer.path("type").asText()).as("answer to %s", message).isEqualTo("error");
        return answer;
    }

    @Test
    void wrongJsonTypesAndUnknownFieldsAreRefusedNamingTheField() throws Exception {
        int a = options.get(0);
        try (SocketClient phone = phone(join(code))) {
            for (String requestId : List.of("1.5", "true", "42", "{\"id\":\"r\"}", "[\"r\"]")) {
                JsonNode error = errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + a
                        + ",\"requestId\":" + requestId + "}");
                assertThat(error.path("problem").asText()).as(requestId).isEqualTo("invalid-request-id");
                assertThat(error.path("status").asInt()).isEqualTo(400);
                assertThat(error.path("detail").asText()).isEqualTo("Field 'requestId' must be text");
                assertThat(error.path("requestId").isNull()).isTrue();
            }
            for (String optionId : List.of("1.5", "true", "\"" + a + "\"", "{}")) {
                JsonNode error = errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + optionId
                        + ",\"requestId\":\"r-1\"}");
                assertThat(error.path("problem").asText()).as(optionId).isEqualTo("invalid-vote");
                assertThat(error.path("detail").asText()).isEqualTo("Field 'optionId' must be a whole number");
                assertThat(error.path("requestId").asText()).isEqualTo("r-1");
            }
            for (String pollId : List.of("7", "false", "1.5")) {
                assertThat(errorFor(phone, "{\"type\":\"vote\",\"pollId\":" + pollId + ",\"optionId\":" + a + "}")
                        .path("detail").asText()).isEqualTo("Field 'pollId' must be text");
            }
            assertThat(errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + a + ",\"weight\":9}")
                    .path("detail").asText()).isEqualTo("Field 'weight' is not known");
            assertThat(errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"q\"}").path("detail").asText())
                    .isEqualTo("A choice poll takes optionId, the id of one option (poll 'q')");
            // 65 user-visible characters, 130 UTF-16 units: too long; 64 family emoji (8 units each) are not.
            assertThat(errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"" + "\uD83D\uDE00".repeat(65) + "\",\"optionId\":"
                    + a + "}").path("detail").asText()).isEqualTo("Field 'pollId' must be at most 64 characters");
            assertThat(errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"" + "👨‍👩‍👧‍👦".repeat(64) + "\",\"optionId\":"
                    + a + "}").path("problem").asText()).isEqualTo("poll-not-found");
            assertThat(errorFor(phone, "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + a + ",\"requestId\":\""
                    + "r".repeat(65) + "\"}").path("problem").asText()).isEqualTo("invalid-request-id");
            assertThat(phone.isOpen()).isTrue();
            assertThat(counts(code)).containsExactly(0, 0, 0);
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + a + ",\"requestId\":\"ok\"}");
            assertThat(phone.next("ack").path("requestId").asText()).isEqualTo("ok");
        }
        assertThat(counts(code)).containsExactly(1, 0, 0);
    }

    @Test
    void binaryFramesGetAnErrorAndAreLoggedOncePerConnection() throws Exception {
        List<String> warnings;
        try (LogCapture log = LogCapture.of(ParticipantSocket.class.getName());
                SocketClient phone = phone(join(code))) {
            for (int i = 0; i < 3; i++) {
                phone.sendBinary(new byte[] {0x7b, (byte) 0xff, 0x00, (byte) i});
                JsonNode error = phone.next("error");
                assertThat(error.path("problem").asText()).isEqualTo("binary-not-supported");
                assertThat(error.path("detail").asText()).isEqualTo("Messages must be JSON text, not binary");
            }
            assertThat(phone.isOpen()).isTrue();
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(1) + ",\"requestId\":\"b\"}");
            assertThat(phone.next("ack").path("optionId").asInt()).isEqualTo(options.get(1));
            warnings = log.lines(Level.WARNING);
        }
        assertThat(warnings).filteredOn(w -> w.contains("binary message")).hasSize(1);
        assertThat(counts(code)).containsExactly(0, 1, 0);
    }

    @Test
    void aMessageOverTheSizeLimitGetsAClearErrorAndTheConnectionStaysOpen() throws Exception {
        try (SocketClient phone = phone(join(code))) {
            // In frames within the frame limit (a single frame over it closes the connection: SocketCompressionTest).
            phone.sendInFrames("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(0)
                    + ",\"requestId\":\"" + "x".repeat(SocketLimits.maxMessageBytes()) + "\"}", 4_000);
            JsonNode error = phone.next("error");
            assertThat(error.path("problem").asText()).isEqualTo("message-too-large");
            assertThat(error.path("status").asInt()).isEqualTo(413);
            assertThat(error.path("detail").asText())
                    .isEqualTo("A message may be at most 16384 bytes; this one was dropped");
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(2) + ",\"requestId\":\"s\"}");
            assertThat(phone.next("ack").path("optionId").asInt()).isEqualTo(options.get(2));
            assertThat(phone.isOpen()).isTrue();
        }
        assertThat(counts(code)).containsExactly(0, 0, 1);
    }

    @Test
    void everyLiveSocketAnswersAPingWithAPong() throws Exception {
        try (SocketClient phone = phone(join(code));
                SocketClient presenter = talk.presenter();
                SocketClient screen = talk.screen()) {
            presenter.next("presence");
            screen.next("slide");
            for (SocketClient client : List.of(phone, presenter, screen)) {
                client.send("{\"type\":\"ping\"}");
                assertThat(client.next(n -> !List.of("presence", "results", "slide").contains(n.path("type").asText())))
                        .hasToString("{\"type\":\"pong\"}");
            }
        }
        assertThat(counts(code)).containsExactly(0, 0, 0);
    }
}
