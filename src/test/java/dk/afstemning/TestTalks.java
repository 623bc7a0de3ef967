package dk.afstemning;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Test talks, each imported from its own deck file name so that tests never share votes. */
public final class TestTalks {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTalks() {
    }

    /** A one-poll deck, poll id {@code q}, with the given options (YAML single-quoted, so any text is allowed). */
    public static String deck(String title, List<String> options) {
        StringBuilder sb = new StringBuilder("---\ntitle: ").append(yaml(title)).append("\nlang: da\n---\n\n# Intro\n\n---\n\n");
        sb.append("```poll\nid: q\nquestion: ").append(yaml("Hvad mener du?")).append("\noptions:\n");
        options.forEach(o -> sb.append("  - ").append(yaml(o)).append('\n'));
        return sb.append("```\n").toString();
    }

    /** Imports a fresh talk with poll {@code q} and the options A, B, C of the field cases. */
    public static Talk create(DeckImporter importer) {
        return create(importer, "Testtalk", List.of("Forskningsmæssig viden", "Praktiske erfaringer", "Ved ikke"));
    }

    public static Talk create(DeckImporter importer, String title, List<String> options) {
        return importer.importDeck("test-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID() + ".md",
                deck(title, options));
    }

    public static String yaml(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Joins the talk over REST and returns the participant token (the cookie value). */
    public static String join(String code) {
        return given().when().post("/api/talks/{code}/participants", code).then().statusCode(201)
                .extract().path("participantId");
    }

    public static void open(Talk talk, String pollId) {
        given().header("X-Presenter-Key", talk.presenterKey).when()
                .post("/api/talks/{code}/polls/{poll}/open", talk.joinCode, pollId).then().statusCode(200);
    }

    public static void close(Talk talk, String pollId) {
        given().header("X-Presenter-Key", talk.presenterKey).when()
                .post("/api/talks/{code}/polls/{poll}/close", talk.joinCode, pollId).then().statusCode(200);
    }

    /** A presenter call with the talk's key, e.g. {@code presenter(talk, "put", "/show", "{\"slide\":2}")}; expects 200. */
    public static void presenter(Talk talk, String method, String path, String json) {
        var request = given().header("X-Presenter-Key", talk.presenterKey);
        if (json != null) {
            request = request.contentType(ContentType.JSON).body(json);
        }
        request.request(method, "/api/talks/" + talk.joinCode + path).then().statusCode(200);
    }

    /** Option ids of poll {@code q}, in order. */
    public static List<Integer> optionIds(String code) {
        return given().when().get("/api/talks/{code}", code).then().statusCode(200)
                .extract().path("polls[0].options.id");
    }

    /** Casts a vote over REST and returns the response for assertions. */
    public static io.restassured.response.ValidatableResponse vote(String code, String token, Object optionId,
            String requestId) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("optionId", optionId);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body).when()
                .post("/api/talks/{code}/polls/q/votes", code).then();
    }

    /** Counts of poll {@code q} in option order. */
    public static List<Integer> counts(String code) {
        return given().when().get("/api/talks/{code}/polls/q/results", code).then().statusCode(200)
                .extract().path("counts.count");
    }

    /**
     * Makes the stored votes and receipts of the talk's polls {@code days} days older, so that a retention cut-off
     * can reach them without touching other tests' votes. Standard interval arithmetic, so it runs on H2 and
     * PostgreSQL alike.
     */
    public static void ageVotes(Talk talk, int days) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var em = Talk.getEntityManager();
            em.createNativeQuery("update vote set cast_at = cast_at - cast(?1 as integer) * interval '1' day"
                    + " where poll_id in (select id from poll where talk_id = ?2)").setParameter(1, days)
                    .setParameter(2, talk.id).executeUpdate();
            em.createNativeQuery("update vote_receipt"
                    + " set received_at = received_at - cast(?1 as integer) * interval '1' day"
                    + " where poll_id in (select id from poll where talk_id = ?2)").setParameter(1, days)
                    .setParameter(2, talk.id).executeUpdate();
        });
    }
}
