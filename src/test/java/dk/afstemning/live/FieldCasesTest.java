package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;
import dk.afstemning.vote.Vote;

/** The field failure cases of shared/cases/field-failures.md: F1, F3, F4, F5 and F7. */
@QuarkusTest
class FieldCasesTest {

    static final List<String> HOSTILE = List.of("<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
            "**fed** _kursiv_", ":)", "{\"type\":\"results\",\"counts\":{\"A\":999}}", "${7*7}", "{msg:title}",
            "[link](javascript:alert(3))");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    dk.afstemning.voting.VoteHooks hooks;

    @Test
    void f1_oneVoteSentManyTimesCountsOnceAndEveryCopyGetsTheSameAnswer() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        int a = options.get(0);
        int b = options.get(1);
        String p1 = join(code);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (SocketClient presenter = talk.presenter();
                SocketClient phone = talk.phone(p1)) {
            presenter.next("presence");
            phone.next("state");

            // Ten copies of r-42 within ~50 ms: five over REST, five over the socket.
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> rest = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rest.add(pool.submit(() -> {
                    start.await();
                    return vote(code, p1, a, "r-42").statusCode(200).extract().asString();
                }));
            }
            start.countDown();
            for (int i = 0; i < 5; i++) {
                phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + a + ",\"requestId\":\"r-42\"}");
            }
            for (Future<String> f : rest) {
                assertThat(f.get()).isEqualTo("{\"requestId\":\"r-42\",\"pollId\":\"q\",\"optionId\":" + a
                        + ",\"answer\":{\"optionId\":" + a + "},\"round\":1}");
            }
            for (int i = 0; i < 5; i++) {
                JsonNode ack = phone.next(FieldCasesTest::notAPush);
                assertThat(ack.path("type").asText()).isEqualTo("ack");
                assertThat(ack.path("requestId").asText()).isEqualTo("r-42");
                assertThat(ack.path("optionId").asInt()).isEqualTo(a);
            }
            assertThat(counts(code)).containsExactly(1, 0, 0);
            assertThat(storedVotes(code, p1)).isEqualTo(1);

            // Two different votes at the same instant: still one vote, and everyone agrees which.
            CountDownLatch together = new CountDownLatch(1);
            Callable<Integer> voteA = () -> {
                together.await();
                return vote(code, p1, a, "r-43").extract().statusCode();
            };
            Callable<Integer> voteB = () -> {
                together.await();
                return vote(code, p1, b, "r-44").extract().statusCode();
            };
            Future<Integer> fa = pool.submit(voteA);
            Future<Integer> fb = pool.submit(voteB);
            together.countDown();
            assertThat(fa.get()).isEqualTo(200);
            assertThat(fb.get()).isEqualTo(200);
            assertThat(storedVotes(code, p1)).isEqualTo(1);
            List<Integer> finalCounts = counts(code);
            assertThat(finalCounts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
            long chosen = finalCounts.get(0) == 1 ? a : b;

            JsonNode last = presenter.next(n -> n.path("type").asText().equals("results")
                    && n.path("counts").get(finalCounts.get(0) == 1 ? 0 : 1).path("count").asInt() == 1
                    && n.path("version").asLong() >= currentVersion(code));
            assertThat(last.path("total").asInt()).isEqualTo(1);
            try (SocketClient view = talk.phone(p1)) {
                assertThat(view.next("state").path("polls").get(0).path("myOptionId").asLong()).isEqualTo(chosen);
            }
            assertThat(presenter.all).filteredOn(n -> n.path("type").asText().equals("results"))
                    .allSatisfy(n -> assertThat(n.path("total").asInt()).isLessThanOrEqualTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void f1_oneVotePerParticipantIsADatabaseConstraint() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        String p1 = join(talk.joinCode);
        vote(talk.joinCode, p1, optionIds(talk.joinCode).get(0), "r-1").statusCode(200);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Vote.getEntityManager().createNativeQuery(
                "insert into vote (poll_id, round, participant_id, option_id, request_id, cast_at) "
                        + "select poll_id, round, participant_id, option_id, 'sneaky', cast_at from vote v "
                        + "where v.request_id = 'r-1' and v.poll_id in (select id from poll where talk_id = ?1)")
                .setParameter(1, talk.id).executeUpdate()))
                // H2 names the constraint in upper case, PostgreSQL as created.
                .satisfies(e -> assertThat(Throwables.getStackTrace(e)).containsIgnoringCase("uk_vote_participant"));
    }

    @Test
    void f7_hostileTitleAndOptionsAreShownAsTypedAndNeverInterpreted() throws Exception {
        String title = "<img src=x onerror=alert(1)> {msg:title} ${7*7}";
        Talk talk = TestTalks.create(importer, title, HOSTILE);
        String code = talk.joinCode;
        assertThat(given().get("/api/talks/{c}", code).then().extract().<String>path("title")).isEqualTo(title);
        assertThat(given().get("/api/talks/{c}", code).then().extract().<List<String>>path("polls[0].options.text"))
                .containsExactlyElementsOf(HOSTILE);

        String phonePage = given().get("/t/{c}", code).then().statusCode(200).extract().asString();
        String presenterPage = given().get("/present/{c}", code).then().statusCode(200).extract().asString();
        for (String page : List.of(phonePage, presenterPage)) {
            assertThat(page).doesNotContain("<img src=x", "<script>alert(2)", "<strong>fed</strong>",
                    "href=\"javascript:")
                    .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
                            "**fed** _kursiv_", "${7*7}", "{msg:title}", "[link](javascript:alert(3))",
                            "{&quot;type&quot;:&quot;results&quot;,&quot;counts&quot;:{&quot;A&quot;:999}}");
        }
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey)) {
            JsonNode results = presenter.next("results");
            List<String> texts = new ArrayList<>();
            results.path("counts").forEach(c -> texts.add(c.path("text").asText()));
            assertThat(texts).containsExactlyElementsOf(HOSTILE);
            assertThat(results.path("total").asInt()).isZero();
        }
        // The JSON-looking option is an option like any other: voting for it counts once.
        TestTalks.open(talk, "q");
        String p1 = join(code);
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON)
                .body("{\"optionId\":" + optionIds(code).get(4) + "}").post("/api/talks/{c}/polls/q/votes", code)
                .then().statusCode(200);
        assertThat(counts(code)).containsExactly(0, 0, 0, 0, 1, 0, 0, 0);
    }

    /**
     * F3 at small size on real sockets: 300 participants, each on its own participant socket, vote within about a
     * second while the presenter and one observer log every results message.
     */
    @Test
    void f3_liveCountsNeverGoBackwardsAndEndAtTheStoredTotal() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tokens.add(join(code));
        }
        List<SocketClient> phones = new ArrayList<>();
        try (SocketClient presenter = talk.presenter();
                SocketClient observer = talk.presenter()) {
            presenter.next("presence");
            observer.next("presence");
            for (String token : tokens) {
                phones.add(talk.phone(token));
            }
            for (SocketClient phone : phones) {
                phone.next("state");
            }
            List<String> ballots = new ArrayList<>();
            for (int i = 0; i < phones.size(); i++) {
                ballots.add("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(i % 3)
                        + ",\"requestId\":\"f3-" + i + "\"}");
                phones.get(i).send(ballots.get(i));
            }
            for (int i = 0; i < phones.size(); i++) {
                JsonNode ack = answer(phones.get(i));
                // An overloaded server answers "busy" (nothing stored); the phone sends the same vote again.
                while (ack.path("problem").asText().equals("busy")) {
                    phones.get(i).send(ballots.get(i));
                    ack = answer(phones.get(i));
                }
                assertThat(ack.path("type").asText()).isEqualTo("ack");
                assertThat(ack.path("requestId").asText()).isEqualTo("f3-" + i);
                assertThat(ack.path("optionId").asInt()).isEqualTo(options.get(i % 3));
            }
            // Every acknowledged vote reaches the presenter (how fast is measured by the benchmark, not here).
            JsonNode last = presenter.next(n -> n.path("total").asInt() == 300);
            assertThat(last.path("counts").findValuesAsText("count")).containsExactly("100", "100", "100");
            JsonNode observed = observer.next(n -> n.path("total").asInt() == 300);
            assertThat(observed.path("counts").findValuesAsText("count")).containsExactly("100", "100", "100");
            assertThat(counts(code)).containsExactly(100, 100, 100);
            assertThat(storedVotesOfTalk(code)).isEqualTo(300);
            for (SocketClient client : List.of(presenter, observer)) {
                List<JsonNode> results = client.all.stream().filter(n -> n.path("type").asText().equals("results"))
                        .toList();
                assertThat(results).extracting(n -> n.path("version").asLong()).isSorted();
                assertThat(results).extracting(n -> n.path("total").asLong()).isSorted();
                assertThat(results).allSatisfy(n -> assertThat(n.path("total").asInt()).isLessThanOrEqualTo(300));
            }
            // A reset starts a new round that clients accept: 0, then new votes.
            given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/reset", code).then()
                    .statusCode(200);
            JsonNode zero = presenter.next(n -> n.path("round").asInt() == 2);
            assertThat(zero.path("total").asInt()).isZero();
            assertThat(zero.path("version").asLong()).isGreaterThan(last.path("version").asLong());
            assertThat(observer.next(n -> n.path("round").asInt() == 2).path("total").asInt()).isZero();
            for (SocketClient phone : phones) {
                JsonNode round = phone.next(n -> n.path("type").asText().equals("poll"));
                assertThat(round.path("round").asInt()).isEqualTo(2);
                assertThat(round.path("status").asText()).isEqualTo("OPEN");
            }
            phones.get(0).send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(0)
                    + ",\"requestId\":\"f3-round-2\"}");
            assertThat(phones.get(0).next("ack").path("round").asInt()).isEqualTo(2);
            assertThat(presenter.next(n -> n.path("round").asInt() == 2 && n.path("total").asInt() == 1)
                    .path("version").asLong()).isGreaterThan(zero.path("version").asLong());
            assertThat(counts(code)).containsExactly(1, 0, 0);
        } finally {
            phones.forEach(SocketClient::close);
        }
    }

    @Test
    void f4_aVoteInFlightWhileThePollClosesIsEitherCountedOrRefusedNeverLost() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        String p1 = join(code);
        String p2 = join(code);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        hooks.slowDownStorage(java.time.Duration.ofMillis(1500));
        try {
            Future<io.restassured.response.Response> v1 = pool.submit(() -> votes(code, p1, options.get(0), "f4-p1"));
            Thread.sleep(500);
            Future<Integer> close = pool.submit(() -> given().header("X-Presenter-Key", talk.presenterKey)
                    .post("/api/talks/{c}/polls/q/close", code).then().extract().statusCode());
            Thread.sleep(100);
            Future<io.restassured.response.Response> v2 = pool.submit(() -> votes(code, p2, options.get(1), "f4-p2"));
            assertThat(close.get()).isEqualTo(200);
            int acknowledged = 0;
            for (var response : List.of(v1.get(), v2.get())) {
                if (response.statusCode() == 200) {
                    acknowledged++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(409);
                    assertThat(response.jsonPath().getString("type")).isEqualTo("urn:afstemning:problem:poll-closed");
                }
            }
            // P1's vote held the poll's lock when the close came, so it was stored and acknowledged.
            assertThat(v1.get().statusCode()).isEqualTo(200);
            List<Integer> stored = counts(code);
            assertThat(stored.stream().mapToInt(Integer::intValue).sum()).isEqualTo(acknowledged);
            assertThat(stored.get(0)).isEqualTo(1);
            assertThat(stored.get(1)).isEqualTo(v2.get().statusCode() == 200 ? 1 : 0);
        } finally {
            hooks.slowDownStorage(java.time.Duration.ZERO);
            pool.shutdownNow();
        }
        // P3 arrives later: the poll is closed and refuses; re-opening lets in nothing queued meanwhile.
        List<Integer> atClose = counts(code);
        String p3 = join(code);
        given().get("/api/talks/{c}", code).then().statusCode(200);
        assertThat(given().get("/api/talks/{c}", code).then().extract().<String>path("polls[0].status")).isEqualTo("CLOSED");
        vote(code, p3, options.get(2), "f4-p3").statusCode(409);
        talk.open("q");
        assertThat(counts(code)).isEqualTo(atClose);
    }

    @Test
    void f5_aPresenterThatReconnectsGetsAFullSnapshot() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        try (SocketClient presenter = talk.presenter()) {
            presenter.next("presence");
            vote(code, join(code), options.get(0), "f5-p1").statusCode(200);
            presenter.next(n -> n.path("total").asInt() == 1);
        }
        // Offline: P3 and P4 vote while no presenter is connected.
        vote(code, join(code), options.get(1), "f5-p3").statusCode(200);
        vote(code, join(code), options.get(1), "f5-p4").statusCode(200);
        try (SocketClient back = talk.presenter()) {
            JsonNode snapshot = back.next("results");
            assertThat(snapshot.path("total").asInt()).isEqualTo(3);
            assertThat(snapshot.path("counts").findValuesAsText("count")).containsExactly("1", "2", "0");
        }
    }

    private static io.restassured.response.Response votes(String code, String token, int option, String requestId) {
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                .body("{\"optionId\":" + option + ",\"requestId\":\"" + requestId + "\"}")
                .post("/api/talks/{c}/polls/q/votes", code).andReturn();
    }

    private static long storedVotes(String code, String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Talk talk = Talk.findByJoinCode(code).orElseThrow();
            Participant p = jakarta.enterprise.inject.spi.CDI.current().select(ParticipantService.class).get().require(talk, token);
            return Vote.count("participant", p);
        });
    }

    /**
     * The answer to a phone's vote (skipping poll messages). Waits up to 2 minutes: 300 votes queue behind one poll's
     * row lock, and on a loaded build machine the last ones take long; this bounds the wait, it does not time it.
     */
    /** Not a push (a poll's state, or its results on a phone that voted): an answer to what the phone sent. */
    private static boolean notAPush(JsonNode n) {
        return !n.path("type").asText().equals("poll") && !n.path("type").asText().equals("results");
    }

    private static JsonNode answer(SocketClient phone) throws InterruptedException {
        JsonNode answer = phone.poll(FieldCasesTest::notAPush, java.time.Duration.ofMinutes(2));
        assertThat(answer).as("answer to a vote within 2 minutes; received %s", phone.all).isNotNull();
        return answer;
    }

    private static long storedVotesOfTalk(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Talk talk = Talk.findByJoinCode(code).orElseThrow();
            return Vote.count("poll.talk", talk);
        });
    }

    private static long currentVersion(String code) {
        return given().get("/api/talks/{c}/polls/q/results", code).then().extract().<Number>path("version").longValue();
    }
}
