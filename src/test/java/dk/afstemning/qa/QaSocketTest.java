package dk.afstemning.qa;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.qa.QaTalks.moderate;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/** Q&A over the live sockets: snapshots, asks and upvotes with acks, live pushes, moderation, F7 text. */
@QuarkusTest
class QaSocketTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    private SocketClient participant(Talk talk, String token) {
        return SocketClient.participant(base, talk.joinCode, token);
    }

    private SocketClient presenter(Talk talk, boolean withKey) {
        String path = withKey
                ? "/ws/present/" + talk.joinCode + "?key=" + URLEncoder.encode(talk.presenterKey, StandardCharsets.UTF_8)
                : "/ws/screen/" + talk.joinCode;
        return SocketClient.connect(base, path);
    }

    private static String ask(String text, String nickname, String requestId) throws Exception {
        var message = new java.util.LinkedHashMap<String, Object>();
        message.put("type", "ask");
        message.put("text", text);
        message.put("nickname", nickname);
        message.put("requestId", requestId);
        return MAPPER.writeValueAsString(message);
    }

    private static String upvote(long questionId, String requestId) {
        return "{\"type\":\"upvote\",\"questionId\":" + questionId + ",\"requestId\":\"" + requestId + "\"}";
    }

    private static List<String> texts(JsonNode qa) {
        List<String> out = new ArrayList<>();
        qa.path("questions").forEach(q -> out.add(q.path("text").asText()));
        return out;
    }

    @Test
    void snapshotsOnConnectingThenAskAndUpvoteAreAckedAndPushedToEveryScreen() throws Exception {
        Talk talk = QaTalks.create(importer, "on");
        String p1 = join(talk.joinCode);
        String p2 = join(talk.joinCode);
        long earlier = QaTalks.asked(talk.joinCode, p1, "Allerede stillet");
        try (SocketClient presenter = presenter(talk, true); SocketClient a = participant(talk, p1);
                SocketClient b = participant(talk, p2)) {
            JsonNode snapshot = presenter.next("qa");
            assertThat(texts(snapshot)).containsExactly("Allerede stillet");
            assertThat(snapshot.path("enabled").asBoolean()).isTrue();
            a.next("state");
            assertThat(texts(a.next("qa"))).containsExactly("Allerede stillet");
            JsonNode mine = a.next("qa-mine");
            assertThat(texts(mine)).containsExactly("Allerede stillet");
            assertThat(mine.path("upvoted")).isEmpty();
            JsonNode bSnapshot = b.next("qa");
            long version = bSnapshot.path("version").asLong();

            b.send(ask("Hvad koster det?", "Bo", "s-1"));
            // The answer and the pushed qa-mine may arrive in either order.
            java.util.Map<String, JsonNode> answers = b.nextOfEach(
                    n -> n.path("type").asText().equals("asked"),
                    n -> n.path("type").asText().equals("qa-mine") && n.path("questions").size() == 1);
            JsonNode asked = answers.get("asked");
            assertThat(asked.path("requestId").asText()).isEqualTo("s-1");
            assertThat(asked.path("question").path("text").asText()).isEqualTo("Hvad koster det?");
            assertThat(asked.path("question").path("nickname").asText()).isEqualTo("Bo");
            long q = asked.path("question").path("id").asLong();

            JsonNode pushed = a.next(m -> m.path("type").asText().equals("qa") && m.path("questions").size() == 2);
            assertThat(pushed.path("version").asLong()).isGreaterThan(version);
            assertThat(texts(pushed)).containsExactly("Allerede stillet", "Hvad koster det?");
            assertThat(texts(answers.get("qa-mine"))).containsExactly("Hvad koster det?");

            a.send(upvote(q, "s-2"));
            // The answer and the pushed qa-mine may arrive in either order.
            java.util.Map<String, JsonNode> got = a.nextOfEach(
                    n -> n.path("type").asText().equals("upvoted"),
                    n -> n.path("type").asText().equals("qa-mine") && n.path("upvoted").size() == 1);
            assertThat(got.get("upvoted").path("upvotes").asInt()).isEqualTo(1);
            assertThat(got.get("qa-mine").path("upvoted").get(0).asLong()).isEqualTo(q);
            a.send(upvote(q, "s-2"));
            JsonNode again = a.next(m -> m.path("type").asText().matches("upvoted|error"));
            assertThat(again.path("type").asText()).isEqualTo("upvoted");
            assertThat(again.path("upvotes").asInt()).isEqualTo(1);
            a.send(upvote(q, "s-3"));
            JsonNode refused = a.next("error");
            assertThat(refused.path("requestId").asText()).isEqualTo("s-3");
            assertThat(refused.path("problem").asText()).isEqualTo("already-upvoted");
            b.send(upvote(q, "s-4"));
            assertThat(b.next("error").path("problem").asText()).isEqualTo("own-question");

            // Upvoted past the earlier question: the presenter's order changes.
            JsonNode reordered = presenter.next(m -> m.path("type").asText().equals("qa")
                    && m.path("questions").path(0).path("upvotes").asInt() == 1);
            assertThat(texts(reordered)).containsExactly("Hvad koster det?", "Allerede stillet");
            assertThat(earlier).isNotEqualTo(q);
        }
    }

    @Test
    void preModeratedQuestionsReachOnlyTheKeyedPresenterAndTheirAuthorUntilApproved() throws Exception {
        Talk talk = QaTalks.create(importer, "moderated");
        String author = join(talk.joinCode);
        String other = join(talk.joinCode);
        try (SocketClient keyed = presenter(talk, true); SocketClient screen = presenter(talk, false);
                SocketClient a = participant(talk, author); SocketClient b = participant(talk, other)) {
            keyed.next("qa");
            screen.next("qa");
            b.next("qa");
            a.next("qa-mine");
            a.send(ask("Må jeg spørge?", null, "m-1"));
            // The answer and the pushed qa-mine may arrive in either order.
            java.util.Map<String, JsonNode> own = a.nextOfEach(
                    n -> n.path("type").asText().equals("asked"),
                    n -> n.path("type").asText().equals("qa-mine") && n.path("questions").size() == 1);
            long q = own.get("asked").path("question").path("id").asLong();
            JsonNode pending = keyed.next(m -> m.path("type").asText().equals("qa") && m.path("questions").size() == 1);
            assertThat(pending.path("questions").get(0).path("approved").asBoolean()).isFalse();
            JsonNode authorsOwn = own.get("qa-mine");
            assertThat(authorsOwn.path("questions").get(0).path("approved").asBoolean()).isFalse();
            assertThat(b.next("qa").path("questions")).isEmpty();
            assertThat(screen.next("qa").path("questions")).isEmpty();

            moderate(talk, q, "{\"approved\":true}").statusCode(200);
            assertThat(texts(b.next(m -> m.path("type").asText().equals("qa") && m.path("questions").size() == 1)))
                    .containsExactly("Må jeg spørge?");
            assertThat(texts(screen.next(m -> m.path("type").asText().equals("qa") && m.path("questions").size() == 1)))
                    .containsExactly("Må jeg spørge?");
        }
    }

    /** F7: every hostile string travels as text inside a question, never as a protocol message. */
    @Test
    void hostileTextsArriveExactlyAsTypedAndAreNeverTakenAsMessages() throws Exception {
        Talk talk = QaTalks.create(importer, "on");
        try (SocketClient presenter = presenter(talk, true)) {
            presenter.next("qa");
            int i = 0;
            for (String text : QaTalks.F7) {
                try (SocketClient p = participant(talk, join(talk.joinCode))) {
                    p.next("qa-mine");
                    p.send(ask(text, text, "f7-" + i++));
                    JsonNode asked = p.next("asked");
                    assertThat(asked.path("question").path("text").asText()).isEqualTo(text);
                    assertThat(asked.path("question").path("nickname").asText()).isEqualTo(text);
                }
            }
            JsonNode all = presenter.next(m -> m.path("type").asText().equals("qa")
                    && m.path("questions").size() == QaTalks.F7.length);
            assertThat(texts(all)).containsExactly(QaTalks.F7);
            List<String> nicknames = new ArrayList<>();
            all.path("questions").forEach(q -> nicknames.add(q.path("nickname").asText()));
            assertThat(nicknames).containsExactly(QaTalks.F7);

            // The JSON-looking text sent as a message of its own is refused, and changes nothing.
            try (SocketClient p = participant(talk, join(talk.joinCode))) {
                p.next("qa-mine");
                p.send(QaTalks.F7[4]);
                assertThat(p.next("error").path("problem").asText()).isEqualTo("unsupported-message");
            }
            QaTalks.publicList(talk.joinCode).body("questions.size()", org.hamcrest.Matchers.equalTo(QaTalks.F7.length));
        }
    }

    @Test
    void badQaMessagesGetAnErrorAndTheConnectionStaysOpen() throws Exception {
        Talk talk = QaTalks.create(importer, "on");
        try (SocketClient p = participant(talk, join(talk.joinCode))) {
            p.next("qa-mine");
            p.send("{\"type\":\"ask\",\"text\":42,\"requestId\":\"b-1\"}");
            assertThat(p.next("error").path("problem").asText()).isEqualTo("invalid-question");
            p.send("{\"type\":\"upvote\",\"questionId\":\"7\",\"requestId\":\"b-2\"}");
            assertThat(p.next("error").path("problem").asText()).isEqualTo("invalid-upvote");
            p.send(ask("x".repeat(281), null, "b-3"));
            JsonNode tooLong = p.next("error");
            assertThat(tooLong.path("problem").asText()).isEqualTo("question-too-long");
            assertThat(tooLong.path("status").asInt()).isEqualTo(422);
            p.send(ask("Stadig her?", null, "b-4"));
            assertThat(p.next("asked").path("question").path("text").asText()).isEqualTo("Stadig her?");
        }
    }
}
