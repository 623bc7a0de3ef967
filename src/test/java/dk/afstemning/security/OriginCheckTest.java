package dk.afstemning.security;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.participant.Participant;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * Issue 7, access control: the participant cookie works only from this site's own pages. A request with an Origin of
 * another site is refused (REST 403 {@code cross-origin}, socket upgrade 403); without Origin (curl, scripts) or with
 * this site's own, it goes through.
 */
@QuarkusTest
class OriginCheckTest {

    static final String EVIL = "http://evil.example";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    Talk talk;
    String code;

    @BeforeEach
    void newTalk() {
        talk = TestTalks.create(importer);
        code = talk.joinCode;
    }

    String ownOrigin() {
        return "http://localhost:" + base.getPort();
    }

    @Test
    void aJoinFromAPageOfAnotherSiteIsRefusedAndMakesNoParticipant() {
        given().header("Origin", EVIL).post("/api/talks/{c}/participants", code).then().statusCode(403)
                .contentType("application/problem+json")
                .header("Set-Cookie", nullValue())
                .body("type", equalTo("urn:afstemning:problem:cross-origin"))
                .body("title", equalTo("Cross-origin request refused"))
                .body("status", equalTo(403))
                .body("detail", equalTo("This request came from a page of another site (its Origin is not this "
                        + "server's), so it is refused"))
                .body("instance", equalTo("/api/talks/" + code + "/participants"));
        assertThat(participants()).isZero();

        given().header("Origin", ownOrigin()).post("/api/talks/{c}/participants", code).then().statusCode(201);
        given().post("/api/talks/{c}/participants", code).then().statusCode(201);
        assertThat(participants()).isEqualTo(2);
    }

    @Test
    void aVoteFromAnotherSiteIsRefusedWhateverTheOriginLooksLike() {
        TestTalks.open(talk, "q");
        String p1 = join(code);
        int a = optionIds(code).get(0);
        for (String origin : new String[] {EVIL, "null", "http://localhost:1", ownOrigin() + "/path",
                "http://localhost.evil.example:" + base.getPort(), "file://"}) {
            vote(p1, a, origin).statusCode(403).body("type", equalTo("urn:afstemning:problem:cross-origin"));
        }
        given().header("Origin", EVIL, ownOrigin()).cookie("afstemning_pid", p1)
                .contentType(ContentType.JSON).body("{\"optionId\":" + a + "}")
                .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(403);
        assertThat(counts(code)).containsExactly(0, 0, 0);

        vote(p1, a, ownOrigin()).statusCode(200).body("optionId", equalTo(a));
        vote(p1, a, null).statusCode(200);
        // Host and port decide, not the scheme: behind a TLS proxy the page is https and the request to us http.
        vote(p1, a, "https://localhost:" + base.getPort()).statusCode(200);
        assertThat(counts(code)).containsExactly(1, 0, 0);
        // Reading is not refused: only requests that change something are.
        given().header("Origin", EVIL).get("/api/talks/{c}", code).then().statusCode(200);
    }

    @Test
    void aSocketUpgradeFromAnotherSiteIsRefusedWith403() throws Exception {
        String p1 = join(code);
        for (String path : new String[] {"/ws/participant/" + code, "/ws/present/" + code, "/ws/screen/" + code}) {
            Throwable refused = catchThrowable(() -> SocketClient.connect(base, path, p1,
                    Map.of("Origin", EVIL)));
            assertThat(SocketClient.rejectedStatus(refused)).as(path).isEqualTo(403);
        }
        given().header("Origin", EVIL).header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/ws/participant/{c}", code).then().statusCode(403);
        try (SocketClient own = SocketClient.connect(base, "/ws/participant/" + code, p1,
                Map.of("Origin", ownOrigin()))) {
            assertThat(own.next("state").path("code").asText()).isEqualTo(code);
        }
    }

    private io.restassured.response.ValidatableResponse vote(String token, int optionId, String origin) {
        var request = given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                .body("{\"optionId\":" + optionId + "}");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.post("/api/talks/{c}/polls/q/votes", code).then();
    }

    private long participants() {
        return QuarkusTransaction.requiringNew().call(() -> Participant.count("talk.id", talk.id));
    }
}
