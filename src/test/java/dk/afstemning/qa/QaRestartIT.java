package dk.afstemning.qa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dk.afstemning.PackagedApp;

/**
 * F6 for the Q&A, against the packaged app: 12 audience questions with upvotes, one answered and one hidden, keep
 * their text, upvotes, state and order over a {@code kill -9} and a restart; old request ids answer as before and
 * count once, and nobody can upvote twice afterwards.
 */
class QaRestartIT {

    private static final String DECK = """
            ---
            title: Spørgetest
            lang: da
            qa: on
            ---

            # Spørg løs
            """;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private PackagedApp app;
    private RequestSpecification api;

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void f6_questionsKeepTheirUpvotesStateAndOrderOverAKill() throws Exception {
        Path slides = Files.createDirectories(tmp.resolve("slides"));
        Files.writeString(slides.resolve("qa.md"), DECK, StandardCharsets.UTF_8);
        app = new PackagedApp(tmp, slides);
        app.start();
        api = new RequestSpecBuilder().setBaseUri(app.base().toString()).build();
        PackagedApp.LoggedTalk talk = app.talks().get("Spørgetest");
        String code = talk.code();

        List<String> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(given(api).post("/api/talks/{code}/participants", code).then().statusCode(201).extract()
                    .path("participantId"));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(given(api).cookie("afstemning_pid", people.get(i % 4)).contentType(ContentType.JSON)
                    .body(Map.of("text", "Spørgsmål " + (i + 1), "requestId", "ask-" + i))
                    .post("/api/talks/{code}/questions", code).then().statusCode(200).extract()
                    .<Number>path("question.id").longValue());
        }
        // Question i gets i % 3 upvotes from participants 4 and 5 and one other asker.
        for (int i = 0; i < 12; i++) {
            for (int v = 0; v < i % 3; v++) {
                String voter = people.get(v == 0 ? 4 : 5);
                upvote(code, voter, ids.get(i), "up-" + i + "-" + v).statusCode(200);
            }
        }
        given(api).header("X-Presenter-Key", talk.key()).contentType(ContentType.JSON).body("{\"answered\":true}")
                .patch("/api/talks/{code}/questions/{id}", code, ids.get(2)).then().statusCode(200);
        given(api).header("X-Presenter-Key", talk.key()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .patch("/api/talks/{code}/questions/{id}", code, ids.get(5)).then().statusCode(200);
        String before = questions(code, talk.key());
        List<Long> order = List.of(3L, 6L, 9L, 12L, 2L, 5L, 8L, 11L, 1L, 4L, 7L, 10L);
        assertThat(ids(code, talk.key())).isEqualTo(order.stream().map(n -> ids.get((int) (n - 1))).toList());

        app.kill();
        app.start();
        api = new RequestSpecBuilder().setBaseUri(app.base().toString()).build();
        assertThat(app.talks().get("Spørgetest")).isEqualTo(talk);

        assertThat(questions(code, talk.key())).isEqualTo(before);
        assertThat(ids(code, talk.key())).isEqualTo(order.stream().map(n -> ids.get((int) (n - 1))).toList());
        // Resends of requests from before the kill answer as then and count once.
        upvote(code, people.get(4), ids.get(1), "up-1-0").statusCode(200).body("upvotes", equalTo(1));
        given(api).cookie("afstemning_pid", people.get(1)).contentType(ContentType.JSON)
                .body(Map.of("text", "Spørgsmål 2", "requestId", "ask-1"))
                .post("/api/talks/{code}/questions", code).then().statusCode(200)
                .body("question.id", equalTo(ids.get(1).intValue()));
        // The same participants cannot upvote again.
        upvote(code, people.get(4), ids.get(1), "up-again").statusCode(409)
                .body("type", equalTo("urn:afstemning:problem:already-upvoted"));
        assertThat(questions(code, talk.key())).isEqualTo(before);
    }

    private io.restassured.response.ValidatableResponse upvote(String code, String token, long id, String requestId) {
        return given(api).cookie("afstemning_pid", token).contentType(ContentType.JSON)
                .body(Map.of("requestId", requestId)).post("/api/talks/{code}/questions/{id}/upvotes", code, id)
                .then();
    }

    /** Ids of the presenter's list, in its order. */
    private List<Long> ids(String code, String key) {
        return given(api).header("X-Presenter-Key", key).get("/api/talks/{code}/questions", code).then()
                .statusCode(200).extract().jsonPath().getList("questions.id", Long.class);
    }

    /** The presenter's list without its version (which a restart does not change either, but need not be equal). */
    private String questions(String code, String key) {
        return given(api).header("X-Presenter-Key", key).get("/api/talks/{code}/questions", code).then()
                .statusCode(200).extract().jsonPath().getList("questions").toString();
    }
}
