package dk.afstemning.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 10: one browser's cookie token was stored as it is, the same in every talk, so a database reader
 * could link a person across talks and act as any participant. Rows keep HMAC(server key, talk and token) only.
 */
@QuarkusTest
class ParticipantIdentityTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    ParticipantTokens tokens;

    @Inject
    TokenRehash rehash;

    @Test
    void twoTalksJoinedFromOneBrowserStoreUnrelatedHashesAndNoRawToken() {
        List<Talk> both = List.of(TestTalks.create(importer), TestTalks.create(importer));
        Talk first = both.get(0);
        Talk second = both.get(1);
        String token = TestTalks.join(first.joinCode);
        given().cookie(ParticipantService.COOKIE, token).post("/api/talks/{code}/participants", second.joinCode)
                .then().statusCode(200).body("participantId", equalTo(token)).cookie(ParticipantService.COOKIE, token);

        String inFirst = storedHash(first);
        String inSecond = storedHash(second);
        assertThat(inFirst).isEqualTo(tokens.hash(first.id, token)).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(inSecond).isEqualTo(tokens.hash(second.id, token)).hasSize(64);
        assertThat(inFirst).isNotEqualTo(inSecond).doesNotContain(token);
        assertThat(inSecond).doesNotContain(token);
        assertThat(participantRowsHolding(token)).isZero();
    }

    @Test
    void aVoteAReconnectQaAndIdempotentReplaysWorkWithTheHashedIdentity() throws Exception {
        String deck = TestTalks.deck("Identitet", List.of("A", "B")).replace("lang: da\n", "lang: da\nqa: on\n");
        Talk talk = importer.importDeck("identity-" + UUID.randomUUID() + ".md", deck);
        TalkFixture fixture = TalkFixture.of(talk, base);
        fixture.open("q");
        int option = fixture.options().get(1);
        String token = fixture.join();

        String answer = vote(talk.joinCode, token, option, "k-1").statusCode(200).extract().asString();
        assertThat(vote(talk.joinCode, token, option, "k-1").statusCode(200).extract().asString()).isEqualTo(answer);
        given().cookie(ParticipantService.COOKIE, token).post("/api/talks/{code}/participants", talk.joinCode).then()
                .statusCode(200).body("participantId", equalTo(token));
        for (int connection = 0; connection < 2; connection++) {
            try (SocketClient phone = fixture.phone(token)) {
                assertThat(phone.next("state").path("polls").get(0).path("myOptionId").asInt()).isEqualTo(option);
            }
        }
        given().cookie(ParticipantService.COOKIE, token).contentType(ContentType.JSON)
                .body("{\"text\":\"Hvem kan se mig?\",\"requestId\":\"q-1\"}")
                .post("/api/talks/{code}/questions", talk.joinCode).then().statusCode(200)
                .body("question.text", equalTo("Hvem kan se mig?"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Participant.count("talk", talk))).isEqualTo(1);
        assertThat(participantRowsHolding(token)).isZero();
    }

    @Test
    void aParticipantStoredWithItsRawTokenBeforeTheUpgradeKeepsItsIdentityAfterTheStartUpRehash() {
        Talk talk = TestTalks.create(importer);
        String token = TestTalks.join(talk.joinCode);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Participant p = Participant.<Participant>find("talk", talk).singleResult();
            Participant.getEntityManager().createNativeQuery("update participant set token_hash = ?1 where id = ?2")
                    .setParameter(1, token).setParameter(2, p.id).executeUpdate();
            return p.id;
        });
        assertThat(participantRowsHolding(token)).isEqualTo(1);

        assertThat(rehash.rehashAll()).isGreaterThanOrEqualTo(1);

        assertThat(participantRowsHolding(token)).isZero();
        assertThat(storedHash(talk)).isEqualTo(tokens.hash(talk.id, token));
        given().cookie(ParticipantService.COOKIE, token).post("/api/talks/{code}/participants", talk.joinCode).then()
                .statusCode(200).body("participantId", equalTo(token));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Participant.<Participant>find("talk", talk)
                .singleResult().id)).isEqualTo(id);
    }

    private static io.restassured.response.ValidatableResponse vote(String code, String token, int option,
            String key) {
        return given().cookie(ParticipantService.COOKIE, token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"optionId\":" + option + "}")
                .post("/api/talks/{c}/polls/q/votes", code).then();
    }

    private static String storedHash(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Participant.getEntityManager()
                .createNativeQuery("select token_hash from participant where talk_id = ?1").setParameter(1, talk.id)
                .getSingleResult());
    }

    /** Rows of the participant table holding the token in any column. */
    @SuppressWarnings("unchecked")
    private static long participantRowsHolding(String token) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Participant.getEntityManager()
                .createNativeQuery("select * from participant").getResultList());
        return rows.stream().filter(row -> java.util.Arrays.stream(row).anyMatch(v -> String.valueOf(v).contains(token)))
                .count();
    }
}
