package dk.afstemning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.afstemning.testkit.SocketClient;

/**
 * Field case F6 against the packaged application: the process is killed with SIGKILL ({@code kill -9}) in the middle
 * of a burst of votes from 50 participants voting over REST in parallel. After the restart every vote acknowledged
 * before the kill is stored (per participant: the acknowledged choice, or a later one that was in flight at the kill),
 * every poll keeps its state and round, the show its slide, and participants keep their identity: a second vote
 * changes theirs rather than adding one.
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTICIPANTS = 50;
    private static final int VOTES_EACH = 40;
    /** The kill comes after this many acknowledged burst votes, well before the burst's end. */
    private static final int KILL_AFTER_ACKS = 300;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private static final String DECK = """
            ---
            title: Crashtest
            lang: da
            ---

            ## Afstemning X

            ```poll
            id: x
            question: Første spørgsmål?
            options:
              - Forskningsmæssig viden
              - Praktiske erfaringer
              - Ved ikke
            ```

            ---

            ## Afstemning Y

            ```poll
            id: y
            question: Hvad får du mest værdi ud af?
            options:
              - Forskningsmæssig viden
              - Praktiske erfaringer
              - Ved ikke
            ```

            ---

            ## Afstemning Z

            ```poll
            id: z
            question: Senere spørgsmål?
            options:
              - Ja
              - Nej
            ```
            """;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private PackagedApp app;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    /** What one participant's burst did before the kill. */
    static final class Burst {
        final String token;
        /** Option id and request id of the last acknowledged vote, or null. */
        volatile Long ackedOption;
        volatile String ackedRequest;
        /** The option of the request that was unanswered at the kill (possibly stored), or null. */
        volatile Long inFlightOption;
        /** A refusal that should not happen, e.g. a 409 or 500. */
        volatile String unexpected;

        Burst(String token) {
            this.token = token;
        }
    }

    @Test
    void f6_aKillDuringABurstOfVotesLosesNoAcknowledgedVoteAndKeepsPollsAndIdentities() throws Exception {
        Path slides = Files.createDirectories(tmp.resolve("slides"));
        Files.writeString(slides.resolve("crash.md"), DECK, StandardCharsets.UTF_8);
        app = new PackagedApp(tmp, slides);
        app.start();
        PackagedApp.LoggedTalk talk = app.talks().get("Crashtest");
        assertThat(talk).as("Crashtest in the start-up log").isNotNull();
        String code = talk.code();
        List<Long> x = optionIds(code, "x");
        List<Long> y = optionIds(code, "y");

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            tokens.add(join(code));
        }

        // Before the burst: X has two rounds (5 votes, then 3) and is closed; Y is open; Z was never opened;
        // the show is on slide 2.
        control(talk, "x", "open");
        for (int i = 0; i < 5; i++) {
            assertThat(vote(code, "x", tokens.get(i), x.get(i % 3), "x1-" + i).statusCode()).isEqualTo(200);
        }
        control(talk, "x", "reset");
        for (int i = 0; i < 3; i++) {
            assertThat(vote(code, "x", tokens.get(i), x.get(2), "x2-" + i).statusCode()).isEqualTo(200);
        }
        control(talk, "x", "close");
        control(talk, "y", "open");
        assertThat(send(request("/api/talks/" + code + "/show").header("X-Presenter-Key", talk.key())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"slide\":2}")))
                .statusCode()).isEqualTo(200);
        JsonNode xRound1 = results(code, "x", 1);
        JsonNode xRound2 = results(code, "x", 2);
        assertThat(xRound1.path("total").asInt()).isEqualTo(5);
        assertThat(xRound2.path("total").asInt()).isEqualTo(3);
        Map<String, String> statesBefore = pollStates(code);
        assertThat(statesBefore).containsExactly(Map.entry("x", "CLOSED/2"), Map.entry("y", "OPEN/1"),
                Map.entry("z", "DRAFT/1"));

        // ---- The burst, and a kill -9 in the middle of it ----
        List<Burst> bursts = tokens.stream().map(Burst::new).toList();
        AtomicInteger acks = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS);
        for (int p = 0; p < PARTICIPANTS; p++) {
            Burst burst = bursts.get(p);
            int offset = p;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < VOTES_EACH && !killed.get(); i++) {
                    long option = y.get((offset + i) % 3);
                    String requestId = "b" + offset + "-" + i;
                    burst.inFlightOption = option;
                    HttpResponse<String> response;
                    try {
                        response = vote(code, "y", burst.token, option, requestId);
                    } catch (IOException e) {
                        return null; // the server is gone: this request stays in flight
                    }
                    if (response.statusCode() != 200) {
                        burst.unexpected = response.statusCode() + " " + response.body();
                        burst.inFlightOption = null;
                        return null;
                    }
                    burst.ackedOption = JSON.readTree(response.body()).path("optionId").asLong();
                    burst.ackedRequest = requestId;
                    burst.inFlightOption = null;
                    acks.incrementAndGet();
                }
                return null;
            });
        }
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < KILL_AFTER_ACKS && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        app.kill();
        killed.set(true);
        int acksAtKill = acks.get();
        pool.shutdown();
        assertThat(pool.awaitTermination(HTTP_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)).as("burst threads ended").isTrue();
        int acked = acks.get();
        System.out.printf("CrashIT: killed after %d acks (%d in all, of %d votes planned)%n", acksAtKill, acked,
                PARTICIPANTS * VOTES_EACH);
        assertThat(bursts).as("votes refused during the burst").allSatisfy(b -> assertThat(b.unexpected).isNull());
        assertThat(acked).as("the kill came in the middle of the burst").isGreaterThanOrEqualTo(KILL_AFTER_ACKS)
                .isLessThan(PARTICIPANTS * VOTES_EACH);

        // ---- Restart on the same data ----
        app.start();
        assertThat(app.talks().get("Crashtest")).as("join code and presenter key after the restart").isEqualTo(talk);
        assertThat(pollStates(code)).as("poll states and rounds after the restart").isEqualTo(statesBefore);
        assertThat(results(code, "x", 1)).isEqualTo(xRound1);
        assertThat(results(code, "x", 2)).isEqualTo(xRound2);
        assertThat(get("/api/talks/" + code + "/show").path("slide").asInt()).isEqualTo(2);

        // Every acknowledged vote is stored: per participant, the acked choice or a later one in flight at the kill.
        Map<Long, Integer> expectedCounts = new HashMap<>();
        int withVote = 0;
        int inFlight = 0;
        int inFlightStored = 0;
        for (Burst burst : bursts) {
            Long stored = myOption(code, burst.token, "y");
            if (burst.inFlightOption != null) {
                inFlight++;
                if (stored != null && stored.equals(burst.inFlightOption) && !stored.equals(burst.ackedOption)) {
                    inFlightStored++;
                }
            }
            if (burst.ackedOption != null) {
                assertThat(stored).as("stored vote of a participant whose vote was acknowledged").isNotNull()
                        .isIn(burst.ackedOption, burst.inFlightOption);
            } else {
                assertThat(stored).as("stored vote of a participant with no ack").isIn(null, burst.inFlightOption);
            }
            if (stored != null) {
                withVote++;
                expectedCounts.merge(stored, 1, Integer::sum);
            }
        }
        System.out.printf("CrashIT: %d requests in flight at the kill, %d of them stored without an ack%n", inFlight,
                inFlightStored);
        assertThat(withVote).as("participants with a stored vote").isGreaterThanOrEqualTo(
                (int) bursts.stream().filter(b -> b.ackedOption != null).count());
        JsonNode yResults = results(code, "y", 1);
        assertThat(yResults.path("total").asInt()).as("Y's total equals the participants with a stored vote")
                .isEqualTo(withVote);
        for (JsonNode c : yResults.path("counts")) {
            assertThat(c.path("count").asInt()).as("count of option %s", c.path("optionId"))
                    .isEqualTo(expectedCounts.getOrDefault(c.path("optionId").asLong(), 0));
        }

        // A resent request from before the kill gets its old answer and changes nothing.
        for (Burst burst : bursts) {
            if (burst.ackedRequest != null) {
                HttpResponse<String> again = vote(code, "y", burst.token, burst.ackedOption, burst.ackedRequest);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(again.body()).path("optionId").asLong()).isEqualTo(burst.ackedOption);
            }
        }
        assertThat(results(code, "y", 1).path("total").asInt()).isEqualTo(withVote);

        // Identities survive: the same cookies vote again, which changes their vote rather than adding one.
        HttpResponse<String> rejoin = send(request("/api/talks/" + code + "/participants")
                .header("Cookie", "afstemning_pid=" + tokens.get(0)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rejoin.statusCode()).as("joining again with the cookie is the same participant").isEqualTo(200);
        for (int i = 0; i < PARTICIPANTS; i++) {
            assertThat(vote(code, "y", tokens.get(i), y.get(0), "after-" + i).statusCode()).isEqualTo(200);
        }
        JsonNode after = results(code, "y", 1);
        assertThat(after.path("total").asInt()).isEqualTo(PARTICIPANTS);
        assertThat(after.path("counts").get(0).path("count").asInt()).isEqualTo(PARTICIPANTS);
        assertThat(pollStates(code)).isEqualTo(statesBefore);
        app.stop();
    }

    // ---- HTTP helpers ----

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(app.base().resolve(path)).timeout(HTTP_TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String join(String code) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/talks/" + code + "/participants")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).path("participantId").asText();
    }

    private HttpResponse<String> vote(String code, String poll, String token, long optionId, String requestId)
            throws IOException, InterruptedException {
        return send(request("/api/talks/" + code + "/polls/" + poll + "/votes")
                .header("Cookie", "afstemning_pid=" + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"optionId\":" + optionId + ",\"requestId\":\"" + requestId + "\"}")));
    }

    private void control(PackagedApp.LoggedTalk talk, String poll, String action) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/talks/" + talk.code() + "/polls/" + poll + "/" + action)
                .header("X-Presenter-Key", talk.key()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as("%s %s: %s", action, poll, response.body()).isEqualTo(200);
    }

    private List<Long> optionIds(String code, String poll) throws IOException, InterruptedException {
        for (JsonNode p : get("/api/talks/" + code).path("polls")) {
            if (p.path("id").asText().equals(poll)) {
                List<Long> ids = new ArrayList<>();
                p.path("options").forEach(o -> ids.add(o.path("id").asLong()));
                return ids;
            }
        }
        throw new AssertionError("no poll " + poll);
    }

    private JsonNode results(String code, String poll, int round) throws IOException, InterruptedException {
        JsonNode results = get("/api/talks/" + code + "/polls/" + poll + "/results?round=" + round);
        // remainingMs and version are no state to compare; the counts, status and round are.
        ((com.fasterxml.jackson.databind.node.ObjectNode) results).remove(List.of("remainingMs", "version"));
        return results;
    }

    /** Each poll's status and round, as "STATUS/round". */
    private Map<String, String> pollStates(String code) throws IOException, InterruptedException {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (JsonNode p : get("/api/talks/" + code).path("polls")) {
            String id = p.path("id").asText();
            JsonNode r = get("/api/talks/" + code + "/polls/" + id + "/results");
            states.put(id, p.path("status").asText() + "/" + r.path("round").asInt());
        }
        return states;
    }

    /** The participant's stored choice in {@code poll}, from the snapshot of the participant socket. */
    private Long myOption(String code, String token, String poll) throws InterruptedException {
        try (SocketClient socket = SocketClient.connect(app.base(), "/ws/participant/" + code, token)) {
            for (JsonNode p : socket.next("state").path("polls")) {
                if (p.path("pollId").asText().equals(poll)) {
                    return p.path("myOptionId").isNull() ? null : p.path("myOptionId").asLong();
                }
            }
        }
        throw new AssertionError("no poll " + poll + " in the state snapshot");
    }
}
