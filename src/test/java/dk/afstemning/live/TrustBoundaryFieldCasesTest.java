package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * Field case F9 of shared/cases/field-failures.md, the trust boundary: clients cannot speak for the server. P1 is
 * joined to talk T1; T2 is another talk. Whatever P1 sends is refused with an error (and logged), nobody sees any
 * change: no new results or poll message reaches T1's or T2's screens and phones within 1 s, and counts, poll states
 * and slides stay as they were.
 */
@QuarkusTest
class TrustBoundaryFieldCasesTest {

    /** A refused message must not cause any push within this time. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    private final List<LogRecord> socketLog = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            socketLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Refusals are logged through the refusal log (once a minute per kind and client). */
    private static final String REFUSAL_LOG = "dk.afstemning.security.RefusalLog";

    @BeforeEach
    void captureSocketLog() {
        Logger.getLogger(ParticipantSocket.class.getName()).addHandler(capture);
        Logger.getLogger(REFUSAL_LOG).addHandler(capture);
    }

    @AfterEach
    void releaseSocketLog() {
        Logger.getLogger(ParticipantSocket.class.getName()).removeHandler(capture);
        Logger.getLogger(REFUSAL_LOG).removeHandler(capture);
    }

    @Test
    void f9_messagesThatClaimToBeResultsOrPresenterCommandsAreRefusedAndChangeNothingForAnyone() throws Exception {
        Talk t1 = TestTalks.create(importer);
        Talk t2 = TestTalks.create(importer);
        TestTalks.open(t1, "q");
        TestTalks.open(t2, "q");
        List<Integer> options1 = optionIds(t1.joinCode);
        List<Integer> options2 = optionIds(t2.joinCode);
        String p1 = join(t1.joinCode);
        String p2 = join(t2.joinCode);
        vote(t1.joinCode, p1, options1.get(0), "f9-p1").statusCode(200);
        vote(t2.joinCode, p2, options2.get(1), "f9-p2").statusCode(200);
        Snapshot before1 = snapshot(t1);
        Snapshot before2 = snapshot(t2);

        try (SocketClient screen1 = SocketClient.presenter(base, t1.joinCode, t1.presenterKey);
                SocketClient screen2 = SocketClient.presenter(base, t2.joinCode, t2.presenterKey);
                SocketClient phone2 = SocketClient.participant(base, t2.joinCode, p2);
                SocketClient phone1 = SocketClient.participant(base, t1.joinCode, p1)) {
            phone2.next("state");
            phone1.next("state");
            screen1.next(n -> n.path("type").asText().equals("presence") && n.path("participants").asInt() == 1);
            screen2.next(n -> n.path("type").asText().equals("presence") && n.path("participants").asInt() == 1);
            Thread.sleep(300); // let the presence pushes settle
            // P1 voted, so its phone may get the results of that vote (phone-results after-vote) once; not after.
            phone1.poll(n -> n.path("type").asText().equals("results"), java.time.Duration.ofMillis(700));
            // So may P2's (its vote's push to phones goes out up to 500 ms after the vote, maybe after connecting).
            phone2.poll(n -> n.path("type").asText().equals("results"), java.time.Duration.ofMillis(700));
            int seenByP1 = phone1.received().size();
            screen1.inbox.clear();
            screen2.inbox.clear();
            phone2.inbox.clear();

            int a1 = options1.get(0);
            List<String> attempts = List.of(
                    // Results, in the shape of the field case and in the exact shape the server broadcasts.
                    "{\"type\":\"results\",\"pollId\":\"q\",\"counts\":{\"A\":9999}}",
                    "{\"type\":\"results\",\"pollId\":\"q\",\"status\":\"OPEN\",\"round\":1,\"version\":999999,"
                            + "\"total\":9999,\"counts\":[{\"optionId\":" + a1 + ",\"text\":\"A\",\"count\":9999,"
                            + "\"percent\":100}]}",
                    // Presenter commands: close this talk's poll (also with its real presenter key), open T2's poll.
                    "{\"type\":\"close\",\"pollId\":\"q\"}",
                    "{\"type\":\"close\",\"pollId\":\"q\",\"key\":\"" + t1.presenterKey + "\"}",
                    "{\"type\":\"open\",\"pollId\":\"q\",\"code\":\"" + t2.joinCode + "\"}",
                    "{\"type\":\"open\",\"pollId\":\"q\",\"code\":\"" + t2.joinCode + "\",\"key\":\"" + t2.presenterKey
                            + "\"}",
                    "{\"type\":\"reset\",\"pollId\":\"q\"}",
                    "{\"type\":\"reveal\",\"pollId\":\"q\"}",
                    "{\"type\":\"slide\",\"slide\":1,\"code\":\"" + t2.joinCode + "\"}",
                    "{\"type\":\"presence\",\"code\":\"" + t2.joinCode + "\",\"participants\":500}",
                    "{\"type\":\"poll\",\"pollId\":\"q\",\"status\":\"CLOSED\",\"round\":1,\"version\":999999}");
            for (String attempt : attempts) {
                phone1.send(attempt);
                JsonNode answer = phone1.next(n -> !n.path("type").asText().equals("presence"));
                assertThat(answer.path("type").asText()).as("answer to %s", attempt).isEqualTo("error");
                assertThat(answer.path("status").asInt()).as("answer to %s", attempt).isEqualTo(400);
                assertThat(answer.path("problem").asText()).as("answer to %s", attempt).isEqualTo("unsupported-message");
            }
            assertThat(phone1.isOpen()).as("refusals keep the connection open").isTrue();

            // A vote for an option of T2's poll on T1's socket is not a vote in either talk.
            phone1.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options2.get(2) + ",\"requestId\":\"f9-x\"}");
            JsonNode crossOption = phone1.next("error");
            assertThat(crossOption.path("status").asInt()).isEqualTo(422);
            assertThat(crossOption.path("problem").asText()).isEqualTo("unknown-option");

            // The presenter feed is read-only for anyone connected to it.
            screen1.send("{\"type\":\"close\",\"pollId\":\"q\"}");
            assertThat(screen1.next("error").path("problem").asText()).isEqualTo("read-only");
            screen2.send("{\"type\":\"results\",\"pollId\":\"q\",\"counts\":{\"A\":9999}}");
            assertThat(screen2.next("error").path("problem").asText()).isEqualTo("read-only");

            // Nobody sees anything: no results, poll or slide message within 1 s, on either talk.
            assertQuiet(screen1, "T1's presenter screen");
            assertQuiet(screen2, "T2's presenter screen");
            assertQuiet(phone2, "T2's phone");
            assertThat(phone1.received().subList(seenByP1, phone1.received().size()))
                    .filteredOn(n -> List.of("results", "poll", "slide").contains(n.path("type").asText()))
                    .as("messages to P1 itself").isEmpty();
        }
        assertThat(snapshot(t1)).isEqualTo(before1);
        assertThat(snapshot(t2)).isEqualTo(before2);

        // What was logged about T1 are refusals by type, never the text of the message itself. Whether each type
        // is logged here depends on earlier tests from 127.0.0.1 in the last minute (the refusal log writes one line
        // per kind and client a minute; RefusalFloodTest asserts that), so only the shape of the lines is asserted.
        List<String> warnings = socketLog.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
        List<String> types = List.of("results", "close", "open", "reset", "reveal", "slide", "presence", "poll");
        assertThat(warnings).as("log of refused participant messages").filteredOn(w -> w.contains(t1.joinCode))
                .allMatch(w -> types.stream().anyMatch(type -> w.equals("Refused (unsupported-message " + type
                        + ") for client 127.0.0.1: participant message of type '" + type + "' refused on talk "
                        + t1.joinCode + "; more refusals like it for this client go unlogged for a minute")));
        assertThat(warnings).noneMatch(w -> w.contains("9999"));
    }

    @Test
    void f9_aT1IdentityCannotVoteInAT2Poll() throws Exception {
        Talk t1 = TestTalks.create(importer);
        Talk t2 = TestTalks.create(importer);
        TestTalks.open(t1, "q");
        TestTalks.open(t2, "q");
        List<Integer> options2 = optionIds(t2.joinCode);
        String p1 = join(t1.joinCode);
        Snapshot before1 = snapshot(t1);
        Snapshot before2 = snapshot(t2);

        // Over REST: not joined to T2.
        Response rest = given().cookie("afstemning_pid", p1).contentType(ContentType.JSON)
                .body("{\"optionId\":" + options2.get(0) + ",\"requestId\":\"f9-cross\"}")
                .post("/api/talks/{c}/polls/q/votes", t2.joinCode);
        assertThat(rest.statusCode()).isEqualTo(403);
        assertThat(rest.contentType()).isEqualTo("application/problem+json");
        assertThat(rest.jsonPath().getString("type")).isEqualTo("urn:afstemning:problem:not-joined");

        // Over T2's participant socket: refused at connect, closed with 1008 (policy violation).
        try (SocketClient screen2 = SocketClient.presenter(base, t2.joinCode, t2.presenterKey)) {
            screen2.next("presence");
            screen2.inbox.clear();
            SocketClient cross = SocketClient.participant(base, t2.joinCode, p1);
            JsonNode refused = cross.next("error");
            assertThat(refused.path("status").asInt()).isEqualTo(403);
            assertThat(refused.path("problem").asText()).isEqualTo("not-joined");
            cross.closed.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(cross.closeCode).isEqualTo(1008);
            assertThat(cross.all).noneMatch(n -> n.path("type").asText().equals("state"));
            assertQuiet(screen2, "T2's presenter screen");
        }
        assertThat(snapshot(t1)).isEqualTo(before1);
        assertThat(snapshot(t2)).isEqualTo(before2);
    }

    @Test
    void f9_presenterCallsWithT2sKeyOnT1AreForbiddenAndChangeNothing() throws Exception {
        Talk t1 = TestTalks.create(importer);
        Talk t2 = TestTalks.create(importer);
        TestTalks.open(t1, "q");
        vote(t1.joinCode, join(t1.joinCode), optionIds(t1.joinCode).get(0), "f9-k").statusCode(200);
        Snapshot before1 = snapshot(t1);
        Snapshot before2 = snapshot(t2);
        try (SocketClient screen1 = SocketClient.presenter(base, t1.joinCode, t1.presenterKey)) {
            screen1.next("presence");
            screen1.inbox.clear();
            for (Talk[] pair : new Talk[][] {{t1, t2}, {t2, t1}}) {
                Talk target = pair[0];
                String wrongKey = pair[1].presenterKey;
                for (String action : List.of("open", "close", "reveal", "hide", "reset", "open?seconds=30",
                        "reset?seconds=0")) {
                    assertForbidden(given().header("X-Presenter-Key", wrongKey)
                            .post("/api/talks/" + target.joinCode + "/polls/q/" + action), action);
                }
                assertForbidden(given().header("X-Presenter-Key", wrongKey).contentType(ContentType.JSON)
                        .body("{\"slide\":2}").put("/api/talks/{c}/show", target.joinCode), "PUT show");
                assertForbidden(TestLogins.csrf(given()).header("X-Presenter-Key", wrongKey)
                        .multiPart("deck", "kapret.md", TestTalks.deck("Kapret", List.of("Ja", "Nej"))
                                .getBytes(StandardCharsets.UTF_8), "text/markdown")
                        .put("/api/talks/{c}/deck", target.joinCode), "PUT deck");
            }
            assertQuiet(screen1, "T1's presenter screen");
        }
        assertThat(snapshot(t1)).isEqualTo(before1);
        assertThat(snapshot(t2)).isEqualTo(before2);
        assertThat(given().get("/api/talks/{c}", t1.joinCode).then().extract().<String>path("title"))
                .isEqualTo("Testtalk");
    }

    @Test
    void f9_thePresenterSocketNeedsTheTalksOwnKeyAtTheUpgrade() throws Exception {
        Talk t1 = TestTalks.create(importer);
        Talk t2 = TestTalks.create(importer);
        Logger refusals = Logger.getLogger(AbuseLimits.class.getPackageName());
        refusals.addHandler(capture);
        try {
            String present = "/ws/present/" + t1.joinCode;
            for (String path : List.of(present, present + "?key=", present + "?key=" + t2.presenterKey,
                    present + "?key=" + t1.presenterKey.toUpperCase() + "x", "/ws/present/ZZZZZZ?key=" + t1.presenterKey)) {
                Throwable refused = catchThrowable(() -> SocketClient.connect(base, path));
                assertThat(SocketClient.rejectedStatus(refused)).as(path).isEqualTo(403);
            }
        } finally {
            refusals.removeHandler(capture);
        }
        // That the refusal is logged is RefusalFloodTest's: the refusal log writes one line per kind and client a
        // minute, and other tests from 127.0.0.1 may have written this kind's line already. Here: never the key.
        assertThat(socketLog.stream().map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)))
                .noneMatch(m -> m.contains(t1.presenterKey) || m.contains(t2.presenterKey));
        try (SocketClient own = SocketClient.presenter(base, t1.joinCode, t1.presenterKey)) {
            assertThat(own.next("presence").path("participants").asInt()).isZero();
        }
    }

    @Test
    void f9_thePublicScreenFeedShowsWhatTheRoomSeesAndNoMore() throws Exception {
        Talk t1 = importer.importDeck("test-hidden-" + java.util.UUID.randomUUID() + ".md",
                "---\ntitle: Skjult\n---\n\n# Intro\n\n---\n\n```poll\nid: q\nquestion: Hvad?\nresults: hidden\n"
                        + "options:\n  - Ja\n  - Nej\n```\n");
        TestTalks.open(t1, "q");
        vote(t1.joinCode, join(t1.joinCode), optionIds(t1.joinCode).get(0), "screen-1").statusCode(200);
        try (SocketClient screen = SocketClient.screen(base, t1.joinCode)) {
            assertThat(screen.next("slide").path("slide").asInt()).isEqualTo(1);
            JsonNode hidden = screen.next("results");
            assertThat(hidden.path("resultsVisible").asBoolean()).isFalse();
            assertThat(hidden.path("counts").findValuesAsText("count")).containsExactly("null", "null");
            given().header("X-Presenter-Key", t1.presenterKey).post("/api/talks/{c}/polls/q/reveal", t1.joinCode)
                    .then().statusCode(200);
            JsonNode revealed = screen.next(n -> n.path("type").asText().equals("results")
                    && n.path("resultsVisible").asBoolean());
            assertThat(revealed.path("counts").findValuesAsText("count")).containsExactly("1", "0");
            screen.send("{\"type\":\"close\",\"pollId\":\"q\"}");
            assertThat(screen.next("error").path("problem").asText()).isEqualTo("read-only");
            Thread.sleep(300);
            // The join screen's count of joined participants is what the room sees; how many are connected is not.
            assertThat(screen.all).filteredOn(n -> n.path("type").asText().equals("presence")).isNotEmpty()
                    .allMatch(n -> n.path("participants").isNull() && n.path("joined").asInt() == 1);
        }
        assertThat(given().get("/api/talks/{c}/polls/q/results", t1.joinCode).then().extract().<String>path("status"))
                .isEqualTo("OPEN");
    }

    // ---- helpers ----

    /** What everyone sees of a talk: its slide, and poll q's status, round, version, counts and visibility. */
    record Snapshot(int slide, long showVersion, String status, int round, long version, List<Integer> counts,
            boolean resultsVisible) {
    }

    private static Snapshot snapshot(Talk talk) {
        var show = given().get("/api/talks/{c}/show", talk.joinCode).then().statusCode(200).extract().jsonPath();
        var results = given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().statusCode(200)
                .extract().jsonPath();
        return new Snapshot(show.getInt("slide"), show.getLong("version"), results.getString("status"),
                results.getInt("round"), results.getLong("version"), counts(talk.joinCode),
                results.getBoolean("resultsVisible"));
    }

    private static void assertForbidden(Response response, String what) {
        assertThat(response.statusCode()).as("%s with another talk's key", what).isEqualTo(403);
        assertThat(response.contentType()).as(what).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).as(what).isEqualTo("urn:afstemning:problem:forbidden");
    }

    /** No results, poll or slide message reaches {@code client} within {@link #QUIET}. */
    private static void assertQuiet(SocketClient client, String who) throws InterruptedException {
        assertThat(client.poll(n -> List.of("results", "poll", "slide").contains(n.path("type").asText()), QUIET))
                .as("a push to %s", who).isNull();
    }
}
