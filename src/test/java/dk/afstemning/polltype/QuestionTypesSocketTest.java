package dk.afstemning.polltype;

import static dk.afstemning.TestTalks.join;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/** Each poll type over the live sockets: answers and acks from a phone, results with details on the presenter. */
@QuarkusTest
class QuestionTypesSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    Talk talk;
    String code;

    @BeforeEach
    void newTalk() {
        talk = importer.importDeck("types-ws-" + UUID.randomUUID() + ".md", QuestionTypesApiTest.DECK);
        code = talk.joinCode;
        for (String poll : List.of("flere", "skala", "glider", "rang", "quiz")) {
            TestTalks.open(talk, poll);
        }
    }

    private List<Integer> options(String poll) {
        return given().get("/api/talks/{code}", code).then().statusCode(200)
                .extract().path("polls.find { it.id == '" + poll + "' }.options.id");
    }

    private SocketClient phone(String token) {
        return SocketClient.participant(base, code, token);
    }

    private SocketClient presenter() {
        return SocketClient.presenter(base, code, talk.presenterKey);
    }

    /** The next results message of a poll on the presenter socket that has {@code total} votes. */
    private static JsonNode results(SocketClient screen, String poll, int total) throws InterruptedException {
        return screen.next(m -> m.path("type").asText().equals("results") && m.path("pollId").asText().equals(poll)
                && m.path("total").asInt() == total);
    }

    @Test
    void eachTypeIsAnsweredOverTheSocketAndPushedWithItsDetails() throws Exception {
        List<Integer> flere = options("flere");
        List<Integer> rang = options("rang");
        String token = join(code);
        try (SocketClient screen = presenter(); SocketClient phone = phone(token)) {
            phone.next("state");
            phone.send("{\"type\":\"vote\",\"pollId\":\"flere\",\"optionIds\":[" + flere.get(1) + "," + flere.get(0)
                    + "],\"requestId\":\"w-1\"}");
            JsonNode ack = phone.next("ack");
            assertThat(ack.path("answer").path("optionIds").toString()).isEqualTo("[" + flere.get(0) + "," + flere.get(1) + "]");
            assertThat(results(screen, "flere", 1).path("counts").findValuesAsText("count")).containsExactly("1", "1", "0");

            phone.send("{\"type\":\"vote\",\"pollId\":\"skala\",\"value\":4,\"requestId\":\"w-2\"}");
            assertThat(phone.next("ack").path("answer").path("value").asInt()).isEqualTo(4);
            JsonNode scale = results(screen, "skala", 1);
            assertThat(scale.path("pollType").asText()).isEqualTo("scale");
            assertThat(scale.path("details").path("mean").asDouble()).isEqualTo(4.0);
            assertThat(scale.path("details").path("median").asDouble()).isEqualTo(4.0);

            phone.send("{\"type\":\"vote\",\"pollId\":\"glider\",\"value\":73,\"requestId\":\"w-3\"}");
            phone.next("ack");
            JsonNode slider = results(screen, "glider", 1);
            assertThat(slider.path("details").path("bars").get(7).path("count").asInt()).isEqualTo(1);
            assertThat(slider.path("details").path("mean").asDouble()).isEqualTo(73.0);

            phone.send("{\"type\":\"vote\",\"pollId\":\"rang\",\"optionIds\":[" + rang.get(2) + "," + rang.get(0) + ","
                    + rang.get(1) + "],\"requestId\":\"w-4\"}");
            phone.next("ack");
            JsonNode ranking = results(screen, "rang", 1);
            assertThat(ranking.path("details").path("items").findValuesAsText("borda")).containsExactly("1", "0", "2");

            phone.send("{\"type\":\"nickname\",\"nickname\":\" Søs \",\"requestId\":\"n-1\"}");
            assertThat(phone.next("nickname").path("nickname").asText()).isEqualTo("Søs");
            phone.send("{\"type\":\"vote\",\"pollId\":\"quiz\",\"optionId\":" + options("quiz").get(1)
                    + ",\"requestId\":\"w-5\"}");
            phone.next("ack");
            TestTalks.close(talk, "quiz");
            JsonNode quiz = screen.next(m -> m.path("pollId").asText().equals("quiz")
                    && m.path("status").asText().equals("CLOSED"));
            assertThat(quiz.path("details").path("leaderboard").path("rows").get(0).path("nickname").asText())
                    .isEqualTo("Søs");
            assertThat(quiz.path("details").path("correctOptionIds").get(0).asInt()).isEqualTo(options("quiz").get(1));
        }
        // a reconnect's snapshot carries each answer and the nickname
        try (SocketClient again = phone(token)) {
            JsonNode state = again.next("state");
            assertThat(state.path("nickname").asText()).isEqualTo("Søs");
            assertThat(state.path("polls").get(1).path("myAnswer").path("value").asInt()).isEqualTo(4);
            assertThat(state.path("polls").get(3).path("myAnswer").path("optionIds").size()).isEqualTo(3);
            assertThat(state.path("polls").get(4).path("myOptionId").asInt()).isEqualTo(options("quiz").get(1));
        }
    }

    @Test
    void badAnswersGetAnErrorAndTheConnectionStaysOpen() throws Exception {
        try (SocketClient phone = phone(join(code))) {
            phone.next("state");
            phone.send("{\"type\":\"vote\",\"pollId\":\"skala\",\"value\":\"fem\",\"requestId\":\"b-1\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("invalid-vote");
            phone.send("{\"type\":\"vote\",\"pollId\":\"skala\",\"value\":9,\"requestId\":\"b-2\"}");
            JsonNode range = phone.next("error");
            assertThat(range.path("problem").asText()).isEqualTo("value-out-of-range");
            assertThat(range.path("requestId").asText()).isEqualTo("b-2");
            phone.send("{\"type\":\"vote\",\"pollId\":\"flere\",\"optionIds\":[1.5],\"requestId\":\"b-3\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("invalid-vote");
            phone.send("{\"type\":\"vote\",\"pollId\":\"quiz\",\"optionId\":" + options("quiz").get(0) + ",\"requestId\":\"b-4\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("nickname-required");
            phone.send("{\"type\":\"nickname\",\"nickname\":\"" + "x".repeat(21) + "\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("invalid-nickname");
            phone.send("{\"type\":\"vote\",\"pollId\":\"skala\",\"value\":2,\"requestId\":\"b-5\"}");
            assertThat(phone.next("ack").path("answer").path("value").asInt()).isEqualTo(2);
        }
    }
}
