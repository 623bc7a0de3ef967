package dk.afstemning.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 10: one browser, one cookie jar, votes in two talks. Nothing the server keeps or sends links its two
 * participant records: no value of the participant rows, their votes, receipts and idempotency records, no export
 * pseudonym and no socket message is the same in both talks, and none holds the cookie's token. (The data folder is
 * made owner-only: SessionKeyFileTest.)
 */
@QuarkusTest
class OneBrowserTwoTalksTest {

    private static final Pattern PSEUDONYM = Pattern.compile("P-[0-9a-f]{12}");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    /** What one talk keeps and sends about the browser's participant there. */
    private record Traces(long participantId, Set<String> values, String export, List<String> messages) {
    }

    @Test
    void oneCookieVotesInTwoTalksAndNoStoredExportedOrSentValueLinksThem() throws Exception {
        TalkFixture first = TalkFixture.opened(importer, base);
        TalkFixture second = TalkFixture.opened(importer, base);
        String token = first.join();
        // the same cookie jar joins the second talk: the browser keeps its one token
        given().cookie(ParticipantService.COOKIE, token).post("/api/talks/{code}/participants", second.code).then()
                .statusCode(200);

        Traces a = traces(first, token);
        Traces b = traces(second, token);

        assertThat(a.participantId()).isNotEqualTo(b.participantId());
        Set<String> shared = new HashSet<>(a.values());
        shared.retainAll(b.values());
        assertThat(shared).as("values stored for the browser in both talks").isEmpty();
        for (Traces t : List.of(a, b)) {
            assertThat(t.values()).noneMatch(v -> v.contains(token));
            assertThat(t.export()).doesNotContain(token);
            assertThat(t.messages()).noneMatch(m -> m.contains(token));
        }
        List<String> pseudonymsA = pseudonyms(a.export());
        List<String> pseudonymsB = pseudonyms(b.export());
        assertThat(pseudonymsA).hasSize(1);
        assertThat(pseudonymsB).hasSize(1).doesNotContainAnyElementsOf(pseudonymsA);
        // the phone's socket messages name no participant: no id, hash or pseudonym of either talk
        for (String m : concat(a.messages(), b.messages())) {
            assertThat(m).doesNotContain("participant").doesNotContain(pseudonymsA.get(0))
                    .doesNotContain(pseudonymsB.get(0));
            assertThat(concat(List.copyOf(a.values()), List.copyOf(b.values()))).filteredOn(v -> v.length() >= 16)
                    .noneMatch(m::contains);
        }
        assertThat(a.messages()).isNotEmpty();
    }

    private Traces traces(TalkFixture talk, String token) throws Exception {
        int option = talk.options().get(0);
        given().cookie(ParticipantService.COOKIE, token).header("Idempotency-Key", "same-key")
                .contentType(ContentType.JSON).body("{\"optionId\":" + option + "}")
                .post("/api/talks/{c}/polls/q/votes", talk.code).then().statusCode(200);
        List<String> messages = new ArrayList<>();
        try (SocketClient phone = talk.phone(token)) {
            phone.next("state");
            phone.send("{\"type\":\"ping\"}");
            phone.next("pong");
            phone.all.forEach(m -> messages.add(m.toString()));
        }
        long participantId = QuarkusTransaction.requiringNew().call(() -> Participant.<Participant>find("talk",
                talk.talk).singleResult().id);
        Set<String> values = new HashSet<>();
        values.addAll(row("select id, token_hash, nickname, nickname_key from participant where id = ?1",
                participantId));
        values.addAll(row("select id, participant_id, request_id from vote where participant_id = ?1", participantId));
        values.addAll(row("select participant_id, request_id from vote_receipt where participant_id = ?1",
                participantId));
        values.addAll(row("select scope from idempotency_record where talk_code = ?1", talk.code));
        String export = TestLogins.organiser().get("/api/organiser/talks/{id}/export.csv", talk.talk.id).then()
                .statusCode(200).extract().asString();
        return new Traces(participantId, values, export, messages);
    }

    /** The non-null values of every row the query answers, as text. */
    @SuppressWarnings("unchecked")
    private static Set<String> row(String sql, Object parameter) {
        List<Object> rows = QuarkusTransaction.requiringNew().call(() -> Participant.getEntityManager()
                .createNativeQuery(sql).setParameter(1, parameter).getResultList());
        Set<String> values = new HashSet<>();
        for (Object row : rows) {
            Object[] columns = row instanceof Object[] array ? array : new Object[] { row };
            for (Object v : columns) {
                if (v != null) {
                    values.add(String.valueOf(v));
                }
            }
        }
        return values;
    }

    private static List<String> concat(List<String> one, List<String> other) {
        List<String> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }

    private static List<String> pseudonyms(String export) {
        Set<String> found = new HashSet<>();
        Matcher m = PSEUDONYM.matcher(export);
        while (m.find()) {
            found.add(m.group());
        }
        return new ArrayList<>(found);
    }
}
