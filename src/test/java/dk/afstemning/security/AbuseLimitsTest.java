package dk.afstemning.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.participant.Participant;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * Issue 7, abuse: rate limits per participant and per client address on votes (REST and socket together), joins and
 * join-code look-ups, answered 429 with {@code Retry-After}; guessing join codes blocks the address until the window
 * passes. Runs with {@link LowLimits}; every test speaks from addresses of its own ({@code X-Forwarded-For}), and its
 * set-up from fresh addresses, so no test spends another's budget.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class AbuseLimitsTest {

    private static final AtomicInteger FRESH = new AtomicInteger();

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    FakeTicker clock;

    Talk talk;
    String code;
    List<Integer> options;

    @BeforeEach
    void newTalk() {
        talk = TestTalks.create(importer);
        code = talk.joinCode;
        options = from(fresh()).get("/api/talks/{c}", code).then().statusCode(200).extract().path("polls[0].options.id");
    }

    @Test
    void votesOfOneParticipantAreLimitedOverRestAndTheSocketTogether() throws Exception {
        open();
        String p1 = joinFrom(fresh());
        vote("203.0.113.10", p1, options.get(0), "r-1").statusCode(200);
        vote("203.0.113.10", p1, options.get(1), "r-2").statusCode(200);
        vote("203.0.113.10", p1, options.get(2), "r-3").statusCode(200);
        vote("203.0.113.10", p1, options.get(0), "r-4").statusCode(429)
                .header("Retry-After", "60")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:rate-limited"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("detail", equalTo("Too many votes; try again in 60 s"))
                .body("instance", equalTo("/api/talks/" + code + "/polls/q/votes"));
        // The limit follows the participant, not the address.
        vote("203.0.113.11", p1, options.get(0), "r-5").statusCode(429)
                .body("detail", equalTo("Too many votes; try again in 60 s"));

        try (SocketClient phone = socket("/ws/participant/" + code, p1, "203.0.113.12")) {
            phone.next("state");
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(0) + ",\"requestId\":\"w-1\"}");
            JsonNode error = phone.next("error");
            assertThat(error.path("requestId").asText()).isEqualTo("w-1");
            assertThat(error.path("status").asInt()).isEqualTo(429);
            assertThat(error.path("problem").asText()).isEqualTo("rate-limited");
            assertThat(error.path("detail").asText()).isEqualTo("Too many votes; try again in 60 s");
            // The connection stays up and keeps answering.
            phone.send("{\"type\":\"results\",\"pollId\":\"q\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("unsupported-message");
            assertThat(phone.isOpen()).isTrue();
        }
        assertThat(counts()).containsExactly(0, 0, 1);
    }

    @Test
    void votesFromOneAddressAreLimitedOverAllItsParticipants() {
        open();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            phones.add(joinFrom(fresh()));
        }
        for (int i = 0; i < 5; i++) {
            vote("203.0.113.20", phones.get(i), options.get(i % 3), "v-" + i).statusCode(200);
        }
        vote("203.0.113.20", phones.get(5), options.get(0), "v-5").statusCode(429).header("Retry-After", "60")
                .body("type", equalTo("urn:afstemning:problem:rate-limited"))
                .body("detail", equalTo("Too many votes from your network; try again in 60 s"));
        vote("203.0.113.21", phones.get(5), options.get(0), "v-5").statusCode(200);
        assertThat(counts()).containsExactly(3, 2, 1);
    }

    @Test
    void joinsFromOneAddressAreLimitedAndOnlyNewParticipantsCount() {
        String address = "203.0.113.30";
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            joined.add(joinFrom(address));
        }
        from(address).post("/api/talks/{c}/participants", code).then().statusCode(429)
                .header("Retry-After", "60")
                .body("type", equalTo("urn:afstemning:problem:rate-limited"))
                .body("detail", equalTo("Too many new participants from your network; try again in 60 s"));
        // Joining again with the cookie (a reload) makes no one new and is not refused.
        from(address).cookie("afstemning_pid", joined.get(0)).post("/api/talks/{c}/participants", code).then()
                .statusCode(200).body("participantId", equalTo(joined.get(0)));
        from(address).cookie("afstemning_pid", joined.get(1)).get("/t/{c}", code).then().statusCode(200);
        // A first visit of the join link is a join too; the browser gets a page, not JSON.
        var refused = from(address).header("Accept-Language", "en").get("/t/{c}", code);
        refused.then().statusCode(429)
                .header("Retry-After", "60").contentType(containsString("text/html"))
                .body(containsString("<h1>Too many requests</h1>"))
                .body(containsString("Too many requests came from your network. Try again in 60 s."));
        // No participant cookie: the refused visit joined nobody (the CSRF cookie of the forms may be set).
        assertThat(refused.getCookies()).doesNotContainKey("afstemning_pid");
        assertThat(participants()).isEqualTo(4);
        from("203.0.113.31").post("/api/talks/{c}/participants", code).then().statusCode(201);
        assertThat(participants()).isEqualTo(5);
    }

    @Test
    void lookupsOfJoinCodesFromOneAddressAreLimited() throws Exception {
        String address = "203.0.113.40";
        for (int i = 0; i < 4; i++) {
            from(address).get("/api/talks/{c}", code).then().statusCode(200);
        }
        from(address).get("/api/talks/{c}/show", code).then().statusCode(200);
        from(address).get("/api/talks/{c}/polls/q/results", code).then().statusCode(200);
        from(address).config(noRedirects()).queryParam("code", code).get("/join").then().statusCode(303);
        from(address).get("/t/{c}", code).then().statusCode(200);
        from(address).get("/present/{c}", code).then().statusCode(200);
        try (SocketClient screen = socket("/ws/screen/" + code, null, address)) {
            screen.next("slide");
        }
        var refused = from(address).get("/api/talks/{c}", code).then().statusCode(429)
                .body("type", equalTo("urn:afstemning:problem:rate-limited")).extract();
        // One look-up comes back a minute after the first was taken (the limits' clock stands still in this profile).
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.<String>path("detail"))
                .isEqualTo("Too many look-ups of join codes from your network; try again in 60 s");
        from(address).header("Accept-Language", "da").queryParam("code", code).get("/join").then().statusCode(429)
                .body(containsString("Der kom for mange forespørgsler fra dit netværk. Prøv igen om"));
        assertThat(SocketClient.rejectedStatus(catchThrowable(() -> socket("/ws/screen/" + code, null, address))))
                .isEqualTo(429);
        // The presenter's own screen, with its key, is no look-up.
        from(address).queryParam("key", talk.presenterKey).get("/present/{c}", code).then().statusCode(200);
        from("203.0.113.41").get("/api/talks/{c}", code).then().statusCode(200);
    }

    @Test
    void guessingJoinCodesBlocksTheAddressUntilTheWindowHasPassed() throws Exception {
        String guesser = "203.0.113.50";
        String joined = joinFrom(fresh());
        open();
        from(guesser).get("/api/talks/ZZZZZZ").then().statusCode(404);
        from(guesser).queryParam("code", "ZZZZZY").get("/join").then().statusCode(404);
        from(guesser).get("/t/ZZZZZX").then().statusCode(404);
        for (String path : List.of("/ws/participant/ZZZZZW", "/ws/screen/ZZZZZV")) {
            try (SocketClient miss = socket(path, joined, guesser)) {
                assertThat(miss.next("error").path("problem").asText()).isEqualTo("talk-not-found");
                await().atMost(Duration.ofSeconds(5)).until(() -> miss.closeCode != null);
                assertThat(miss.closeCode).isEqualTo(1008);
            }
        }
        // Five misses in the window: now every look-up from there is refused, of a real code too.
        from(guesser).get("/api/talks/{c}", code).then().statusCode(429).header("Retry-After", "5")
                .body("type", equalTo("urn:afstemning:problem:rate-limited"))
                .body("detail", equalTo("Too many unknown join codes from your network; try again in 5 s"));
        from(guesser).get("/t/{c}", code).then().statusCode(429).body(containsString("Too many requests"));
        from(guesser).post("/api/talks/{c}/participants", code).then().statusCode(429);
        from(guesser).get("/api/talks/ZZZZZU").then().statusCode(429);
        assertThat(SocketClient.rejectedStatus(catchThrowable(() -> socket("/ws/participant/" + code, joined, guesser))))
                .isEqualTo(429);
        // Refusals that would tell whether a code exists are 429 too: a made-up cookie, a wrong presenter key.
        String madeUp = "A".repeat(43);
        vote(guesser, madeUp, options.get(0), "g-1").statusCode(429);
        from(guesser).cookie("afstemning_pid", madeUp).contentType(ContentType.JSON).body("{\"optionId\":1}")
                .post("/api/talks/ZZZZZT/polls/q/votes").then().statusCode(429);
        from(guesser).header("X-Presenter-Key", "wrong").post("/api/talks/{c}/polls/q/close", code).then()
                .statusCode(429);
        // Who proves to know the talk goes on: the presenter with its key, a joined participant with its cookie.
        from(guesser).header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/open", code)
                .then().statusCode(200);
        from(guesser).queryParam("key", talk.presenterKey).get("/present/{c}", code).then().statusCode(200);
        vote(guesser, joined, options.get(1), "g-2").statusCode(200);
        assertThat(counts()).containsExactly(0, 1, 0);

        // The window (5 s) passes: the address may look up codes again.
        clock.advance(Duration.ofMillis(4_999));
        from(guesser).get("/api/talks/{c}", code).then().statusCode(429).header("Retry-After", "1");
        clock.advance(Duration.ofMillis(1));
        from(guesser).get("/api/talks/{c}", code).then().statusCode(200);
        from(guesser).get("/api/talks/ZZZZZZ").then().statusCode(404);
    }

    @Test
    void allowedOriginsMayPostAndOpenSockets() throws Exception {
        String p1 = from(fresh()).header("Origin", "https://intranet.example.dk")
                .post("/api/talks/{c}/participants", code).then().statusCode(201).extract().path("participantId");
        from(fresh()).header("Origin", "https://intranet.example.dk:8443").post("/api/talks/{c}/participants", code)
                .then().statusCode(403).body("type", equalTo("urn:afstemning:problem:cross-origin"));
        try (SocketClient phone = SocketClient.connect(base, "/ws/participant/" + code, p1,
                Map.of("Origin", "https://intranet.example.dk", "X-Forwarded-For", fresh()))) {
            assertThat(phone.next("state").path("code").asText()).isEqualTo(code);
        }
    }

    /** A fresh client address (an IPv6 documentation /64 of its own) for set-up requests. */
    private static String fresh() {
        return "2001:db8:" + Integer.toHexString(FRESH.incrementAndGet()) + "::1";
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static RestAssuredConfig noRedirects() {
        return RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    private String joinFrom(String address) {
        return from(address).post("/api/talks/{c}/participants", code).then().statusCode(201).extract()
                .path("participantId");
    }

    private void open() {
        from(fresh()).header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/open", code).then()
                .statusCode(200);
    }

    private ValidatableResponse vote(String address, String token, int optionId, String requestId) {
        return from(address).cookie("afstemning_pid", token).contentType(ContentType.JSON)
                .body(Map.of("optionId", optionId, "requestId", requestId))
                .post("/api/talks/{c}/polls/q/votes", code).then();
    }

    private List<Integer> counts() {
        return from(fresh()).get("/api/talks/{c}/polls/q/results", code).then().statusCode(200).extract()
                .path("counts.count");
    }

    private SocketClient socket(String path, String token, String address) {
        return SocketClient.connect(base, path, token, Map.of("X-Forwarded-For", address));
    }

    private long participants() {
        return QuarkusTransaction.requiringNew().call(() -> Participant.count("talk.id", talk.id));
    }
}
