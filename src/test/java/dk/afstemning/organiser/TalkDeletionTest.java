package dk.afstemning.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.retention.RawVoteRetention;
import dk.afstemning.share.ShareService;
import dk.afstemning.talk.Talk;

/**
 * Deleting a talk (GDPR): a confirmation that must repeat the join code, then no table holds a row of the talk, its
 * polls or its participants. The tables are found in the schema by their {@code talk_id}, {@code poll_id} and
 * {@code participant_id} columns, so tables added later are checked too.
 */
@QuarkusTest
class TalkDeletionTest {

    @Inject
    DeckImporter importer;

    @Inject
    ShareService shares;

    @Inject
    AccountService accounts;

    @Inject
    RawVoteRetention retention;

    @Inject
    EntityManager em;

    @Test
    void deletingATalkAfterConfirmationLeavesNoRowOfItInAnyTable() {
        Talk talk = TestTalks.create(importer);
        Talk other = TestTalks.create(importer);
        for (Talk t : List.of(talk, other)) {
            TestTalks.open(t, "q");
            List<Integer> o = TestTalks.optionIds(t.joinCode);
            TestTalks.vote(t.joinCode, TestTalks.join(t.joinCode), o.get(0), "r-1").statusCode(200);
            TestTalks.vote(t.joinCode, TestTalks.join(t.joinCode), o.get(1), "r-2").statusCode(200);
            TestTalks.close(t, "q");
            shares.create(t.id);
        }
        TestTalks.ageVotes(talk, 30);
        TestTalks.ageVotes(other, 30);
        retention.prune(Instant.now().minus(java.time.Duration.ofDays(10)));
        TestTalks.open(talk, "q");
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), TestTalks.optionIds(talk.joinCode).get(2), "r-3")
                .statusCode(200);
        TestLogins.presenter(accounts, talk, other);
        long before = rowsOf(other);

        assertThat(rowsOf(talk)).isGreaterThan(10);
        assertThat(TestLogins.organiser().get("/organiser/talks/{id}/delete?lang=en", talk.id).then().statusCode(200)
                .extract().asString()).contains("Type the join code " + talk.joinCode + " to confirm");
        // A wrong confirmation deletes nothing.
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .formParam("confirm", other.joinCode).post("/organiser/talks/{id}/delete", talk.id).then()
                .statusCode(400);
        assertThat(rowsOf(talk)).isGreaterThan(10);

        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .formParam("confirm", talk.joinCode.toLowerCase()).post("/organiser/talks/{id}/delete", talk.id)
                .then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/organiser?deleted=" + talk.joinCode));
        assertThat(rowsOf(talk)).isZero();
        assertThat(rowsOf(other)).isEqualTo(before);
        given().get("/api/talks/{c}", talk.joinCode).then().statusCode(404);
        assertThat(TestTalks.counts(other.joinCode)).containsExactly(1, 1, 0);
    }

    /**
     * With the language switch's cookie {@code lang=en} and a Danish browser, the confirmation is English, and so is the
     * page shown again after a wrong join code (it had followed Accept-Language and turned Danish); the talk stays.
     */
    @Test
    void aWrongConfirmationShowsThePageAgainInTheCookiesLanguage() {
        Talk talk = TestTalks.create(importer);
        String mismatch = "join code; nothing was deleted."; // after "That is not the talk's", escaped
        String first = TestLogins.organiser().cookie("lang", "en").header("Accept-Language", "da")
                .get("/organiser/talks/{id}/delete", talk.id).then().statusCode(200).extract().asString();
        assertThat(first).contains("<html lang=\"en\"", "Type the join code " + talk.joinCode + " to confirm")
                .doesNotContain(mismatch);
        String again = TestLogins.csrf(TestLogins.organiser()).cookie("lang", "en").header("Accept-Language", "da")
                .redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", TestLogins.CSRF).formParam("confirm", "WRONG1")
                .post("/organiser/talks/{id}/delete", talk.id).then().statusCode(400)
                .header("Set-Cookie", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("lang="))).extract().asString();
        assertThat(again).contains("<html lang=\"en\"", mismatch,
                "Type the join code " + talk.joinCode + " to confirm").doesNotContain("Slet oplægget");
        given().get("/api/talks/{c}", talk.joinCode).then().statusCode(200);
    }

    /** Rows in every table that belong to the talk: by talk id, by its polls' ids and by its participants' ids. */
    /**
     * Issue 21, item 10: the stored answers of idempotent requests (response bodies: an open-text answer, a question
     * and its nickname) stayed for a day after their talk was deleted. They go with the talk; another talk's stay.
     */
    @Test
    void deletingATalkDeletesTheStoredAnswersOfItsIdempotentRequests() {
        Talk talk = TestTalks.create(importer);
        Talk other = TestTalks.create(importer);
        for (Talk t : List.of(talk, other)) {
            TestTalks.open(t, "q");
            given().cookie("afstemning_pid", TestTalks.join(t.joinCode)).header("Idempotency-Key", "k-" + t.id)
                    .contentType("application/json").body("{\"optionId\":" + TestTalks.optionIds(t.joinCode).get(0) + "}")
                    .post("/api/talks/{c}/polls/q/votes", t.joinCode.toLowerCase()).then().statusCode(200);
        }
        assertThat(idempotencyRows(talk)).isEqualTo(1);

        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .formParam("confirm", talk.joinCode).post("/organiser/talks/{id}/delete", talk.id).then()
                .statusCode(303);
        assertThat(idempotencyRows(talk)).isZero();
        assertThat(idempotencyRows(other)).isEqualTo(1);
    }

    private long idempotencyRows(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> count(
                "select count(*) from idempotency_record where talk_code = '" + talk.joinCode + "'"));
    }

    private long rowsOf(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> polls = ids("select id from poll where talk_id = " + talk.id);
            List<Long> participants = ids("select id from participant where talk_id = " + talk.id);
            long rows = count("select count(*) from talk where id = " + talk.id);
            for (Object[] column : columns()) {
                String table = (String) column[0];
                String name = ((String) column[1]).toLowerCase();
                List<Long> values = switch (name) {
                    case "talk_id" -> List.of(talk.id);
                    case "poll_id" -> polls;
                    case "participant_id" -> participants;
                    default -> List.of();
                };
                if (!values.isEmpty()) {
                    rows += count("select count(*) from " + table + " where " + name + " in ("
                            + String.join(",", values.stream().map(String::valueOf).toList()) + ")");
                }
            }
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> columns() {
        List<Object[]> found = em.createNativeQuery("select table_name, column_name from information_schema.columns"
                + " where lower(table_schema) = 'public'" // H2 says PUBLIC, PostgreSQL public
                + " and lower(column_name) in ('talk_id', 'poll_id', 'participant_id')")
                .getResultList();
        assertThat(found).extracting(c -> ((String) c[0]).toLowerCase()).contains("slide", "poll", "participant",
                "poll_option", "vote", "vote_receipt", "vote_tally", "pruned_vote", "value_tally", "place_tally",
                "word_tally", "text_tally", "kept_text", "share_link", "account_talk");
        return found;
    }

    private List<Long> ids(String sql) {
        List<Long> ids = new ArrayList<>();
        for (Object id : em.createNativeQuery(sql).getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
