package dk.afstemning.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.testkit.SocketClient;

/**
 * Issue 21, item 7: a presenter account's presenter and console pages held the talk's raw presenter key, so access
 * could never be withdrawn. Their pages now hold no key; commands and the presenter socket go by the login, and stop
 * the moment the talk is un-assigned. Key URLs keep working for people without accounts.
 */
@QuarkusTest
class PresenterLoginTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AccountService accounts;

    @Inject
    DeckImporter importer;

    @Test
    void aPresenterAccountsConsoleHoldsNoKeyRunsTheShowAndIsRefusedOnceUnassigned() throws Exception {
        Talk talk = TestTalks.create(importer);
        String name = TestLogins.presenter(accounts, talk);
        Map<String, String> session = TestLogins.session(name, "presenter-password");

        for (String page : new String[] { "/present/" + talk.joinCode + "/console", "/present/" + talk.joinCode }) {
            String html = given().cookies(session).get(page).then().statusCode(200).extract().asString();
            assertThat(html).doesNotContain(talk.presenterKey).contains("data-key=\"" + TalkService.LOGIN_KEY + "\"");
        }
        command(session, talk, "PUT", "/show", "{\"slide\":2}").statusCode(200).body("slide", equalTo(2));
        command(session, talk, "POST", "/polls/q/open", null).statusCode(200);
        try (SocketClient presenter = SocketClient.connect(base, "/ws/present/" + talk.joinCode + "?key="
                + TalkService.LOGIN_KEY, null, Map.of("Cookie", cookieHeader(session)))) {
            assertThat(presenter.next("slide").path("slide").asInt()).isEqualTo(2);
        }

        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().id);
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/accounts/{id}/talks/{t}/remove", id, talk.id).then().statusCode(303);

        given().cookies(session).get("/present/{c}/console", talk.joinCode).then().statusCode(403);
        command(session, talk, "PUT", "/show", "{\"slide\":1}").statusCode(403);
        command(session, talk, "POST", "/polls/q/close", null).statusCode(403);
        Throwable refused = catchThrowable(() -> SocketClient.connect(base, "/ws/present/" + talk.joinCode + "?key="
                + TalkService.LOGIN_KEY, null, Map.of("Cookie", cookieHeader(session))).close());
        assertThat(SocketClient.rejectedStatus(refused)).isEqualTo(403);
    }

    @Test
    void theKeyUrlStillRunsTheShowWithoutAnAccountAndItsConsoleHoldsTheKey() throws Exception {
        Talk talk = TestTalks.create(importer);
        String html = given().get("/present/{c}/console?key={k}", talk.joinCode, talk.presenterKey).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("data-key=\"" + talk.presenterKey + "\"");
        given().header("X-Presenter-Key", TalkService.LOGIN_KEY).contentType(ContentType.JSON).body("{\"slide\":2}")
                .put("/api/talks/{c}/show", talk.joinCode).then().statusCode(403);
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body("{\"slide\":2}")
                .put("/api/talks/{c}/show", talk.joinCode).then().statusCode(200).body("slide", equalTo(2));
        try (SocketClient presenter = SocketClient.presenter(base, talk.joinCode, talk.presenterKey)) {
            assertThat(presenter.next("slide").path("slide").asInt()).isEqualTo(2);
        }
        Throwable refused = catchThrowable(
                () -> SocketClient.presenter(base, talk.joinCode, TalkService.LOGIN_KEY).close());
        assertThat(SocketClient.rejectedStatus(refused)).isEqualTo(403);
    }

    /** A command over REST with the login's session and the page's stand-in for the key. */
    private static ValidatableResponse command(Map<String, String> session, Talk talk, String method, String path,
            String body) {
        var request = given().cookies(session).header("X-Presenter-Key", TalkService.LOGIN_KEY);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, "/api/talks/" + talk.joinCode + path).then();
    }

    private static String cookieHeader(Map<String, String> session) {
        return session.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
