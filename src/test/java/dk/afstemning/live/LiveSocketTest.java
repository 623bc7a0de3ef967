package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
import dk.afstemning.testkit.TalkFixture;

/** The live sockets with real WebSocket clients: presenter pushes, participant votes and refusals. */
@QuarkusTest
class LiveSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    TalkFixture talk;
    String code;
    List<Integer> options;

    @BeforeEach
    void newTalk() {
        talk = TalkFixture.create(importer, base);
        code = talk.code;
        options = talk.options();
    }

    @Test
    void presenterGetsASnapshotThenNewCountsAfterEachVoteWithGrowingVersions() throws Exception {
        try (SocketClient presenter = talk.presenter()) {
            JsonNode snapshot = presenter.next("results");
            assertThat(snapshot.path("pollId").asText()).isEqualTo("q");
            assertThat(snapshot.path("status").asText()).isEqualTo("DRAFT");
            assertThat(snapshot.path("total").asLong()).isZero();
            assertThat(presenter.next("presence").path("participants").asInt()).isZero();
            long version = snapshot.path("version").asLong();

            talk.open("q");
            JsonNode opened = presenter.next(n -> n.path("status").asText().equals("OPEN"));
            assertThat(opened.path("version").asLong()).isGreaterThan(version);

            String p1 = join(code);
            vote(code, p1, options.get(1), "r-1").statusCode(200);
            JsonNode first = presenter.next(n -> n.path("total").asLong() == 1);
            assertThat(first.path("counts").findValuesAsText("count")).containsExactly("0", "1", "0");
            assertThat(first.path("counts").get(1).path("percent").asInt()).isEqualTo(100);
            assertThat(first.path("version").asLong()).isGreaterThan(opened.path("version").asLong());

            String p2 = join(code);
            vote(code, p2, options.get(0), "r-2").statusCode(200);
            JsonNode second = presenter.next(n -> n.path("total").asLong() == 2);
            assertThat(second.path("counts").findValuesAsText("count")).containsExactly("1", "1", "0");
            assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());

            List<Long> versions = presenter.all.stream().filter(n -> n.path("type").asText().equals("results"))
                    .map(n -> n.path("version").asLong()).toList();
            assertThat(versions).isSorted();
        }
    }

    @Test
    void participantVotesOverTheSocketAndIsAcknowledgedAfterCommit() throws Exception {
        talk.open("q");
        String p1 = join(code);
        try (SocketClient presenter = talk.presenter(); SocketClient phone = talk.phone(p1)) {
            JsonNode state = phone.next("state");
            assertThat(state.path("polls").get(0).path("status").asText()).isEqualTo("OPEN");
            assertThat(state.path("polls").get(0).path("myOptionId").isNull()).isTrue();
            assertThat(presenter.next(n -> n.path("participants").asInt() == 1)).isNotNull();

            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(2) + ",\"requestId\":\"w-1\"}");
            JsonNode ack = phone.next("ack");
            assertThat(ack.path("requestId").asText()).isEqualTo("w-1");
            assertThat(ack.path("optionId").asInt()).isEqualTo(options.get(2));
            assertThat(counts(code)).containsExactly(0, 0, 1);
            assertThat(presenter.next(n -> n.path("total").asLong() == 1).path("counts").findValuesAsText("count"))
                    .containsExactly("0", "0", "1");
        }
        try (SocketClient again = talk.phone(p1)) {
            assertThat(again.next("state").path("polls").get(0).path("myOptionId").asInt()).isEqualTo(options.get(2));
        }
    }

    @Test
    void participantsSeeThePollOpenAndClose() throws Exception {
        String p1 = join(code);
        try (SocketClient phone = talk.phone(p1)) {
            assertThat(phone.next("state").path("polls").get(0).path("status").asText()).isEqualTo("DRAFT");
            talk.open("q");
            assertThat(phone.next("poll").path("status").asText()).isEqualTo("OPEN");
            talk.close("q");
            JsonNode closed = phone.next(n -> n.path("type").asText().equals("poll")
                    && n.path("status").asText().equals("CLOSED"));
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(0) + ",\"requestId\":\"w-2\"}");
            JsonNode error = phone.next("error");
            assertThat(error.path("problem").asText()).isEqualTo("poll-closed");
            assertThat(error.path("requestId").asText()).isEqualTo("w-2");
            assertThat(closed.path("version").asLong()).isPositive();
        }
        assertThat(counts(code)).containsExactly(0, 0, 0);
    }

    @Test
    void badMessagesGetAnErrorAndTheConnectionStaysUp() throws Exception {
        talk.open("q");
        String p1 = join(code);
        try (SocketClient phone = talk.phone(p1)) {
            phone.next("state");
            phone.send("not json at all");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("malformed-json");
            phone.send("[1,2,3]");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("malformed-message");
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":\"A\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("invalid-vote");
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":424242,\"requestId\":\"x\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("unknown-option");
            // F9: a participant cannot speak for the server or the presenter
            phone.send("{\"type\":\"results\",\"pollId\":\"q\",\"counts\":{\"A\":9999}}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("unsupported-message");
            phone.send("{\"type\":\"close\",\"pollId\":\"q\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("unsupported-message");
            assertThat(phone.isOpen()).isTrue();
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(0) + ",\"requestId\":\"ok\"}");
            assertThat(phone.next("ack").path("requestId").asText()).isEqualTo("ok");
        }
        assertThat(counts(code)).containsExactly(1, 0, 0);
        assertThat(TestTalks.optionIds(code)).hasSize(3);
    }

    @Test
    void aSocketWithoutAJoinedParticipantIsClosedWithPolicyViolation() throws Exception {
        try (SocketClient stranger = talk.phone(null)) {
            assertThat(stranger.next("error").path("problem").asText()).isEqualTo("not-joined");
            await().atMost(Duration.ofSeconds(5)).until(() -> stranger.closeCode != null);
            assertThat(stranger.closeCode).isEqualTo(1008);
        }
        Talk other = TestTalks.create(importer);
        try (SocketClient wrongTalk = talk.phone(join(other.joinCode))) {
            assertThat(wrongTalk.next("error").path("problem").asText()).isEqualTo("not-joined");
        }
    }

    @Test
    void anUnknownTalkClosesTheScreenSocket() throws Exception {
        try (SocketClient screen = SocketClient.screen(base, "ZZZZZZ")) {
            assertThat(screen.next("error").path("problem").asText()).isEqualTo("talk-not-found");
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.closeCode != null);
            assertThat(screen.closeCode).isEqualTo(1008);
        }
    }
}
