package dk.afstemning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Persistence across restarts of the packaged application ({@code app.jar}, started with {@code java -jar} on a fresh
 * data folder): votes, poll status, participant identity, vote receipts, join code and presenter key survive a
 * {@code kill -9} and a graceful stop, and re-importing the deck at start-up creates no second talk.
 */
class RestartIT {

    private static final String POLL = "afstemning";
    private static final String SECOND = "tilgange";
    private static final String TITLE = "Ledelse i en frisat kommune";
    private static final int HTTP_TIMEOUT_MS = 10_000;
    private static final Pattern JOIN_CODE = Pattern.compile("\\[join code ([A-Z0-9]{6})\\]");
    private static final Pattern PRESENTER = Pattern.compile("/present/([A-Z0-9]{6})\\?key=([A-Za-z0-9_-]{43})");

    /** Holds the data folder {@code data/} and one log file per start; kept when the test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    /** The packaged app; only the processes it started are destroyed afterwards. */
    private PackagedApp app;
    private RequestSpecification api;

    @AfterEach
    void stopProcesses() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void votesStatusAndIdentitySurviveKillAndGracefulRestart() throws Exception {
        // ---- First run: fresh data folder ----
        Path slides = Path.of("slides").toAbsolutePath().normalize();
        assertThat(slides).isDirectory();
        app = new PackagedApp(tmp, slides);
        start();
        Startup first = parseStartup(app.log());
        // The first start creates the first organiser and prints its password once.
        java.util.regex.Matcher admin = java.util.regex.Pattern.compile("user: admin  password: ([A-Za-z0-9_-]{24})")
                .matcher(Files.readString(app.log()));
        assertThat(admin.find()).as("first organiser's password in the first log").isTrue();
        String adminPassword = admin.group(1);
        String code = first.code();
        String key = first.key();

        JsonPath talk = given(api).get("/api/talks/{code}", code).then().statusCode(200).extract().jsonPath();
        assertThat(talk.getString("code")).isEqualTo(code);
        assertThat(talk.getString("polls.find { it.id == 'afstemning' }.status")).isEqualTo("DRAFT");
        List<Long> options = talk.getList("polls.find { it.id == 'afstemning' }.options.id", Long.class);
        assertThat(options).hasSize(2);
        long option1 = options.get(0);
        long option2 = options.get(1);

        String p1 = join(code);
        String p2 = join(code);
        String p3 = join(code);
        assertThat(List.of(p1, p2, p3)).doesNotHaveDuplicates();

        given(api).header("X-Presenter-Key", key).post("/api/talks/{code}/polls/{poll}/open", code, POLL)
                .then().statusCode(200).body("status", equalTo("OPEN"));

        Ack ackP1 = vote(code, p1, option1, "p1-r1");
        assertThat(ackP1).isEqualTo(new Ack("p1-r1", POLL, option1, 1));
        assertThat(vote(code, p2, option1, "p2-r1")).isEqualTo(new Ack("p2-r1", POLL, option1, 1));
        assertThat(vote(code, p3, option2, "p3-r1")).isEqualTo(new Ack("p3-r1", POLL, option2, 1));

        // A second poll, opened, answered and closed while the first stays open: both states must survive together.
        List<Long> secondOptions = talk.getList("polls.find { it.id == 'tilgange' }.options.id", Long.class);
        given(api).header("X-Presenter-Key", key).post("/api/talks/{code}/polls/{poll}/open", code, SECOND)
                .then().statusCode(200).body("status", equalTo("OPEN"));
        given(api).cookie("afstemning_pid", p2).contentType(ContentType.JSON)
                .body(Map.of("optionIds", List.of(secondOptions.get(0), secondOptions.get(2)), "requestId", "p2-t1"))
                .post("/api/talks/{code}/polls/{poll}/votes", code, SECOND).then().statusCode(200);
        given(api).header("X-Presenter-Key", key).post("/api/talks/{code}/polls/{poll}/close", code, SECOND)
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        // ---- Scenario 1: kill -9 right after the last acknowledged vote ----
        app.kill();

        start();
        assertThat(parseStartup(app.log())).as("join code and presenter key after kill -9").isEqualTo(first);
        // The password is never printed again, and it still logs in (only its bcrypt hash is stored).
        assertThat(Files.readString(app.log())).doesNotContain(adminPassword).doesNotContain("password:");
        given(api).auth().preemptive().basic("admin", adminPassword).get("/api/decks").then().statusCode(200);
        given(api).get("/api/decks").then().statusCode(401);

        assertResults("after kill -9", code, "OPEN", option1, 2, option2, 1, 3);
        given(api).get("/api/talks/{code}", code).then().statusCode(200)
                .body("polls.find { it.id == 'afstemning' }.status", equalTo("OPEN"))
                .body("polls.find { it.id == 'tilgange' }.status", equalTo("CLOSED"));
        JsonPath second = given(api).get("/api/talks/{code}/polls/{poll}/results", code, SECOND)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("status")).as("closed poll after kill -9").isEqualTo("CLOSED");
        assertThat(second.getInt("total")).as("voters in the closed poll after kill -9").isEqualTo(1);

        // The cookie still names the same participant: joining again keeps the token (200, not 201).
        given(api).cookie("afstemning_pid", p1).post("/api/talks/{code}/participants", code)
                .then().statusCode(200).body("participantId", equalTo(p1));

        // A resend of a request from before the kill gets the same ack and is counted once.
        assertThat(vote(code, p1, option1, "p1-r1")).isEqualTo(ackP1);
        assertResults("after resending p1-r1", code, "OPEN", option1, 2, option2, 1, 3);

        // The same participant changing its vote replaces it rather than adding one.
        assertThat(vote(code, p1, option2, "p1-r2")).isEqualTo(new Ack("p1-r2", POLL, option2, 1));
        assertResults("after p1 changed its vote", code, "OPEN", option1, 1, option2, 2, 3);

        // The old request id still answers with its old ack and does not move the vote back.
        assertThat(vote(code, p1, option1, "p1-r1")).isEqualTo(ackP1);
        assertResults("after resending p1-r1 again", code, "OPEN", option1, 1, option2, 2, 3);

        // ---- Scenario 2: close, then a graceful stop (SIGTERM) ----
        given(api).header("X-Presenter-Key", key).post("/api/talks/{code}/polls/{poll}/close", code, POLL)
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        Path secondLog = app.log();
        app.stop();
        assertThat(Files.readString(secondLog, StandardCharsets.UTF_8)).as("graceful shutdown logged")
                .contains("afstemning stopped in");

        start();
        assertThat(parseStartup(app.log())).as("join code and presenter key after graceful stop").isEqualTo(first);

        assertResults("after graceful restart", code, "CLOSED", option1, 1, option2, 2, 3);

        Response refused = given(api).cookie("afstemning_pid", p2).contentType(ContentType.JSON)
                .body(Map.of("optionId", option2, "requestId", "p2-r2"))
                .post("/api/talks/{code}/polls/{poll}/votes", code, POLL);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        JsonPath problem = refused.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("urn:afstemning:problem:poll-closed").endsWith("poll-closed");
        assertThat(problem.getInt("status")).isEqualTo(409);
        assertThat(problem.getString("title")).isEqualTo("Poll closed");

        assertResults("after the refused vote", code, "CLOSED", option1, 1, option2, 2, 3);
    }

    // ---- process handling ----

    /** Starts the packaged app (through {@link PackagedApp}) on the shared data folder; points {@code api} at it. */
    private void start() throws IOException, InterruptedException {
        app.start();
        System.out.println("RestartIT: started on " + app.base() + ", data and logs in " + tmp);
        api = new RequestSpecBuilder().setBaseUri("http://127.0.0.1").setPort(app.base().getPort())
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", HTTP_TIMEOUT_MS)
                        .setParam("http.socket.timeout", HTTP_TIMEOUT_MS)))
                .build();
    }

    // ---- start-up log ----

    record Startup(String code, String key) {
    }

    /** The seed talk's join code and presenter key; asserts the deck's talk is listed exactly once. */
    private static Startup parseStartup(Path logFile) throws IOException {
        String text = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(text).as("start-up summary").contains("Afstemning is ready: 1 talk(s); decks imported from ");
        assertThat(count(Pattern.compile(Pattern.quote(TITLE)), text)).as("seed talk listed once").isEqualTo(1);
        Matcher join = JOIN_CODE.matcher(text);
        assertThat(count(JOIN_CODE, text)).as("join codes in the log").isEqualTo(1);
        assertThat(join.find()).isTrue();
        Matcher presenter = PRESENTER.matcher(text);
        assertThat(count(PRESENTER, text)).as("presenter links in the log").isEqualTo(1);
        assertThat(presenter.find()).isTrue();
        assertThat(presenter.group(1)).isEqualTo(join.group(1));
        return new Startup(join.group(1), presenter.group(2));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---- API helpers ----

    private String join(String code) {
        Response r = given(api).post("/api/talks/{code}/participants", code);
        r.then().statusCode(201);
        String id = r.jsonPath().getString("participantId");
        assertThat(r.cookie("afstemning_pid")).isEqualTo(id);
        return id;
    }

    record Ack(String requestId, String pollId, long optionId, int round) {
    }

    /** Casts a vote that must be acknowledged with 200; returns the ack. */
    private Ack vote(String code, String participant, long optionId, String requestId) {
        JsonPath ack = given(api).cookie("afstemning_pid", participant).contentType(ContentType.JSON)
                .body(Map.of("optionId", optionId, "requestId", requestId))
                .post("/api/talks/{code}/polls/{poll}/votes", code, POLL)
                .then().statusCode(200).extract().jsonPath();
        return new Ack(ack.getString("requestId"), ack.getString("pollId"), ack.getLong("optionId"), ack.getInt("round"));
    }

    /** Asserts the poll's results: status, round 1, total and the count of each of its two options. */
    private void assertResults(String when, String code, String status, long option1, long count1, long option2,
            long count2, long total) {
        JsonPath results = given(api).get("/api/talks/{code}/polls/{poll}/results", code, POLL)
                .then().statusCode(200).extract().jsonPath();
        String what = "results " + when + ": " + results.prettify() + "\n";
        assertThat(results.getString("pollId")).as(what + "pollId").isEqualTo(POLL);
        assertThat(results.getString("status")).as(what + "status").isEqualTo(status);
        assertThat(results.getInt("round")).as(what + "round").isEqualTo(1);
        assertThat(results.getLong("total")).as(what + "total").isEqualTo(total);
        assertThat(results.getList("counts.optionId", Long.class)).as(what + "options").containsExactly(option1, option2);
        assertThat(results.getList("counts.count", Long.class)).as(what + "counts").containsExactly(count1, count2);
    }
}
