package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 7: a talk's presenter key could never be withdrawn. An organiser gives the talk a new one: the old
 * key's commands and sockets are refused, and the presenter sockets open with it are closed (1008).
 */
@QuarkusTest
class PresenterKeyRotationTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void aRotatedKeyStopsCommandsAndClosesItsSockets() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        String old = talk.presenterKey;
        try (SocketClient console = talk.presenter(); SocketClient screen = SocketClient.screen(base, talk.code)) {
            TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                    .post("/organiser/talks/{id}/presenter-key", talk.talk.id).then().statusCode(303);

            console.closed.get(10, TimeUnit.SECONDS);
            assertThat(console.closeCode).isEqualTo(1008);
            // the public screen feed has no key: it stays
            assertThat(screen.closed.isDone()).isFalse();
        }
        String current = QuarkusTransaction.requiringNew()
                .call(() -> Talk.<Talk>findById(talk.talk.id).presenterKey);
        assertThat(current).isNotEqualTo(old).hasSize(old.length());
        given().header("X-Presenter-Key", old).post("/api/talks/{c}/polls/q/open", talk.code).then().statusCode(403);
        Throwable refused = catchThrowable(() -> SocketClient.presenter(base, talk.code, old));
        assertThat(SocketClient.rejectedStatus(refused)).isEqualTo(403);
        given().header("X-Presenter-Key", current).post("/api/talks/{c}/polls/q/open", talk.code).then()
                .statusCode(200);

        // Trial: after the rotation the new key was shown nowhere, while the console said "open it with the new
        // key". The talk page gives the organiser both links with the new key after a rotation, and when asked.
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(TestLogins.organiser()
                .get("/organiser/talks/{id}?rotated=true&lang=en", talk.talk.id).then().statusCode(200).extract()
                .asString());
        assertThat(page.select(".presenter-link h3").text()).isEqualTo("Presenter link for a speaker without an account");
        assertThat(page.select("a.presenter-url").attr("href")).endsWith("/present/" + talk.code + "?key=" + current);
        assertThat(page.select("a.console-url").attr("href"))
                .endsWith("/present/" + talk.code + "/console?key=" + current);
        assertThat(page.html()).doesNotContain(old);
        org.jsoup.nodes.Document plain = org.jsoup.Jsoup.parse(TestLogins.organiser()
                .get("/organiser/talks/{id}?lang=da", talk.talk.id).then().statusCode(200).extract().asString());
        assertThat(plain.html()).doesNotContain(current);
        assertThat(plain.select("a.show-presenter-link").text()).isEqualTo("Oplægsholderlink til en oplægsholder uden konto");
        String href = plain.select("a.show-presenter-link").attr("href");
        assertThat(href).isEqualTo("/organiser/talks/" + talk.talk.id + "?lang=da&links=true#presenter-key");
        String asked = TestLogins.organiser().get("/organiser/talks/{id}?lang=da&links=true", talk.talk.id)
                .then().statusCode(200).extract().asString();
        assertThat(org.jsoup.Jsoup.parse(asked).select("a.console-url").attr("href")).endsWith("?key=" + current);
    }
}
