package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * A seeded fuzz test of the vote paths: a few thousand random and malformed messages (random JSON, wrong types,
 * unknown fields, huge strings, binary frames, Unicode junk, other talks' option ids and join codes, pings) mixed
 * with valid votes, thrown at the participant WebSocket and at the REST vote and join endpoints by eight participants.
 * Checks that the server stays up, that every text or binary socket message gets exactly one answer ({@code ack},
 * {@code error} or {@code pong}, in order), that REST never answers 5xx, and that the presenter's last counts, the
 * results API and the stored votes equal the votes the acks say each participant holds; the other talk gets no vote.
 *
 * <p>Plain JUnit with a seeded {@link Random}: each run takes the {@link #FIXED_SEEDS} (seeds that once found a fault)
 * and one new random seed, which it prints; {@code -Dfuzz.seed=N} replays seed N alone. The issue
 * suggested jqwik; its README (github.com/jqwik-team/jqwik, checked at commit f6e23bd of 2026-06-22) points to an
 * "Anti-AI Usage Clause" in the user guide, in force from version 1.10: "This project is not meant to be used by any
 * 'AI' coding agents at all", and the engine prints a line telling agents not to use it. This test was written by
 * an AI agent, so it respects that request and does not use jqwik. Runs under {@link HighLimits} so that the rate
 * limits do not answer instead of the vote path.
 */
@QuarkusTest
@TestProfile(HighLimits.class)
class VoteFuzzTest {

    private static final int MESSAGES = 2000;
    private static final int PARTICIPANTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANSWERS = Set.of("ack", "error", "pong");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    /** What one participant holds, from the acks it got. */
    private static final class Voter {
        final String token;
        final SocketClient socket;
        final Map<String, Long> ackedRequests = new HashMap<>();
        Long current;

        Voter(String token, SocketClient socket) {
            this.token = token;
            this.socket = socket;
        }

        /** An ack for a request id seen before is a replay and changes nothing. */
        void acked(String requestId, long optionId) {
            if (ackedRequests.putIfAbsent(requestId, optionId) == null) {
                current = optionId;
            }
        }
    }

    /**
     * Seeds that once found a fault, run on every build: 5287885108764 sent a REST vote of three NULs, a zero-width
     * space and {@code Z} that Jackson read as UTF-32 and answered 500 (issue 21, item 19).
     */
    static final List<Long> FIXED_SEEDS = List.of(5287885108764L, 20261205L);

    /** The fixed seeds and one new random seed each run; {@code -Dfuzz.seed=N} runs seed N alone. */
    static java.util.stream.Stream<Long> seeds() {
        Long replay = Long.getLong("fuzz.seed");
        if (replay != null) {
            return java.util.stream.Stream.of(replay);
        }
        long random = new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        System.out.println("VoteFuzzTest random seed this run: " + random + " (replay with -Dfuzz.seed=" + random + ")");
        return java.util.stream.Stream.concat(FIXED_SEEDS.stream(), java.util.stream.Stream.of(random));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomAndMalformedMessagesNeverBreakTheServerAndTheCountsEqualTheStoredVotes(long seed) throws Exception {
        System.out.println("VoteFuzzTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");

        Talk t1 = TestTalks.create(importer);
        Talk t2 = TestTalks.create(importer);
        TestTalks.open(t1, "q");
        TestTalks.open(t2, "q");
        List<Integer> options = optionIds(t1.joinCode);
        List<Integer> otherOptions = optionIds(t2.joinCode);
        String code = t1.joinCode;

        List<Voter> voters = new ArrayList<>();
        try (SocketClient presenter = SocketClient.presenter(base, code, t1.presenterKey)) {
            for (int i = 0; i < PARTICIPANTS; i++) {
                String token = join(code);
                SocketClient socket = SocketClient.participant(base, code, token);
                socket.next("state");
                voters.add(new Voter(token, socket));
            }
            Map<String, Integer> kinds = new java.util.concurrent.ConcurrentHashMap<>();
            long started = System.nanoTime();
            // Each participant sends its share from its own thread with its own Random (seed + index), so a run
            // with the same seed sends the same messages; the server sees eight phones at once.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(PARTICIPANTS);
            try {
                List<java.util.concurrent.Future<Void>> done = new ArrayList<>();
                for (int i = 0; i < PARTICIPANTS; i++) {
                    Voter voter = voters.get(i);
                    Random own = new Random(seed + i);
                    done.add(pool.submit(() -> {
                        fuzz(own, voter, MESSAGES / PARTICIPANTS, kinds, code, t2.joinCode, options, otherOptions);
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get(240, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println("VoteFuzzTest messages by kind: " + kinds + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");

            // Exactly one answer each: a final ping on every socket is answered by the very next answer.
            for (Voter voter : voters) {
                voter.socket.send("{\"type\":\"ping\"}");
                assertThat(answer(voter).path("type").asText()).isEqualTo("pong");
                assertThat(voter.socket.isOpen()).isTrue();
            }

            List<Integer> expected = new ArrayList<>();
            for (Integer option : options) {
                expected.add((int) voters.stream().filter(v -> v.current != null && v.current == option.longValue())
                        .count());
            }
            int total = expected.stream().mapToInt(Integer::intValue).sum();
            assertThat(total).as("votes held by the participants").isPositive();
            assertThat(counts(code)).as("stored votes").isEqualTo(expected);
            JsonNode last = presenter.next(r -> r.path("type").asText().equals("results")
                    && r.path("total").asInt() == total && shown(r).equals(expected));
            assertThat(shown(last)).as("presenter's counts").isEqualTo(expected);
        } finally {
            voters.forEach(v -> v.socket.close());
        }
        assertThat(counts(t2.joinCode)).as("the other talk").containsExactly(0, 0, 0);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static void fuzz(Random random, Voter voter, int count, Map<String, Integer> kinds, String code,
            String otherCode, List<Integer> options, List<Integer> otherOptions) throws Exception {
        for (int n = 0; n < count; n++) {
            int dice = random.nextInt(100);
            if (dice < 15) {
                kinds.merge("rest", 1, Integer::sum);
                restVote(random, voter, code, otherCode, options, otherOptions);
            } else if (dice < 18) {
                kinds.merge("binary", 1, Integer::sum);
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                voter.socket.sendBinary(bytes);
                assertThat(answer(voter).path("problem").asText()).isEqualTo("binary-not-supported");
            } else if (dice < 20) {
                kinds.merge("huge", 1, Integer::sum);
                voter.socket.send("{\"type\":\"vote\",\"pollId\":\"" + junk(random, 17000 + random.nextInt(4000))
                        + "\"}");
                assertThat(answer(voter).path("problem").asText()).isEqualTo("message-too-large");
            } else if (dice < 23) {
                kinds.merge("ping", 1, Integer::sum);
                voter.socket.send("{\"type\":\"ping\"}");
                assertThat(answer(voter).path("type").asText()).isEqualTo("pong");
            } else if (dice < 55) {
                kinds.merge("valid", 1, Integer::sum);
                long option = options.get(random.nextInt(options.size()));
                String requestId = "f-" + random.nextInt(40);
                voter.socket.send(vote("q", option, requestId));
                JsonNode answer = answer(voter);
                assertThat(answer.path("type").asText()).as("answer to a valid vote: %s", answer).isEqualTo("ack");
                voter.acked(answer.path("requestId").asText(), answer.path("optionId").asLong());
            } else {
                kinds.merge("malformed", 1, Integer::sum);
                String text = malformed(random, options, otherOptions, otherCode);
                voter.socket.send(text);
                JsonNode answer = answer(voter);
                if (answer.path("type").asText().equals("ack")) {
                    voter.acked(answer.path("requestId").asText(), answer.path("optionId").asLong());
                }
            }
        }
    }

    private static List<Integer> shown(JsonNode results) {
        List<Integer> list = new ArrayList<>();
        results.path("counts").forEach(c -> list.add(c.path("count").asInt()));
        return list;
    }

    /** The next answer on the voter's socket, skipping server pushes (poll, state, slide). */
    private static JsonNode answer(Voter voter) throws InterruptedException {
        return voter.socket.next(n -> ANSWERS.contains(n.path("type").asText()));
    }

    private static String vote(String pollId, long optionId, String requestId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "vote").put("pollId", pollId)
                .put("optionId", optionId);
        if (requestId != null) {
            node.put("requestId", requestId);
        }
        return node.toString();
    }

    private static void restVote(Random random, Voter voter, String code, String otherCode, List<Integer> options,
            List<Integer> otherOptions) throws Exception {
        String body;
        String target = code;
        switch (random.nextInt(6)) {
            case 0, 1 -> body = JSON.writeValueAsString(Map.of("optionId", options.get(random.nextInt(options.size())),
                    "requestId", "f-" + random.nextInt(40)));
            case 2 -> body = "{\"optionId\":" + randomValue(random) + ",\"requestId\":" + randomValue(random) + "}";
            case 3 -> body = junk(random, random.nextInt(200));
            case 4 -> {
                body = JSON.writeValueAsString(Map.of("optionId", otherOptions.get(0), "requestId", "x"));
                target = random.nextBoolean() ? otherCode : code;
            }
            default -> {
                // A join with a random code: unknown codes are 404, never 5xx.
                int status = given().urlEncodingEnabled(false)
                        .post("/api/talks/" + percentEncoded(junk(random, 1 + random.nextInt(10))) + "/participants")
                        .statusCode();
                assertThat(status).as("join with a random code").isIn(200, 201, 404);
                return;
            }
        }
        Response response = given().cookie("afstemning_pid", voter.token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{c}/polls/q/votes", target);
        assertThat(response.statusCode()).as("REST vote %s", escaped(body)).isIn(200, 400, 403, 404, 409, 415, 422);
        if (response.statusCode() == 200) {
            voter.acked(response.jsonPath().getString("requestId"), response.jsonPath().getLong("optionId"));
        } else {
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
    }

    /** Something that is not a valid vote of this participant. */
    private static String malformed(Random random, List<Integer> options, List<Integer> otherOptions,
            String otherCode) {
        long option = options.get(random.nextInt(options.size()));
        return switch (random.nextInt(10)) {
            case 0 -> randomValue(random);
            case 1 -> junk(random, random.nextInt(300));
            case 2 -> "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + randomValue(random) + ",\"requestId\":\"m\"}";
            case 3 -> "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + option + ",\"requestId\":"
                    + randomValue(random) + "}";
            case 4 -> "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + option + ",\"" + junk(random, 5) + "x\":1}";
            case 5 -> vote("q", otherOptions.get(random.nextInt(otherOptions.size())), "o-" + random.nextInt(9));
            case 6 -> vote(random.nextBoolean() ? "nope" : junk(random, 1 + random.nextInt(20)), option, null);
            case 7 -> "{\"type\":\"" + List.of("results", "close", "open", "reset", "reveal", "slide", "presence")
                    .get(random.nextInt(7)) + "\",\"pollId\":\"q\",\"code\":\"" + otherCode + "\",\"counts\":{\"A\":9999}}";
            case 8 -> vote("q", option, "r".repeat(65 + random.nextInt(3000)));
            default -> "{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + option + ",\"requestId\":\""
                    + junk(random, 1 + random.nextInt(30)).replace("\\", "").replace("\"", "") + "\"}";
        };
    }

    /** The text with every character outside printable ASCII as a Java escape, so a failing body can be replayed. */
    static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return sb.toString();
    }

    /** A random JSON value of any type, up to a few levels deep. */
    private static String randomValue(Random random) {
        return randomNode(random, 3).toString();
    }

    private static JsonNode randomNode(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0: return f.nullNode();
            case 1: return f.booleanNode(random.nextBoolean());
            case 2: return f.numberNode(random.nextLong());
            case 3: return f.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 4: return f.textNode(junk(random, random.nextInt(40)));
            case 5: return f.numberNode(random.nextInt(3));
            case 6: {
                var array = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomNode(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    String[] names = {"type", "pollId", "optionId", "requestId", "counts", junk(random, 4)};
                    object.set(names[random.nextInt(names.length)], randomNode(random, depth - 1));
                }
                return object;
            }
        }
    }

    private static String percentEncoded(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append(Character.isLetterOrDigit(b) ? String.valueOf((char) b) : String.format("%%%02X", b & 0xff));
        }
        return sb.toString();
    }

    /** Random text: ASCII, Danish letters, emoji, combining marks, controls, quotes and backslashes. */
    private static String junk(Random random, int length) {
        String[] pieces = {"a", "Z", "7", "æ", "ø", "å", " ", "\"", "\\", "{", "}", "[", "]", ":", ",", "\n", "\t",
            "\u0000", "\u0301", "\u200B", "\uFEFF", "👨‍👩‍👧", "😀", "🇩🇰", "<script>", "${7*7}", "\uD800", "\uDFFF"};
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }
}
