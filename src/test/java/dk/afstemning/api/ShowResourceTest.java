package dk.afstemning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;

/**
 * The show resource only receives and delegates: with {@link ShowService} mocked, no talk needs to exist in the
 * database. It passes the path's join code, the header's presenter key and the body's slide to the service, answers
 * with what the service returns, turns the service's refusal into a problem body, and refuses a body without a slide
 * before the service is asked.
 */
@QuarkusTest
class ShowResourceTest {

    @InjectMock
    ShowService show;

    @Test
    void getAnswersTheServicesStateOfTheTalk() {
        when(show.state("MOCK42")).thenReturn(new ShowState("slide", 3, 7, "q", 12, null, null, "Spørgsmål"));
        given().when().get("/api/talks/{code}/show", "MOCK42").then().statusCode(200)
                .body("type", equalTo("slide")).body("slide", equalTo(3)).body("slides", equalTo(7))
                .body("pollId", equalTo("q")).body("version", equalTo(12)).body("title", equalTo("Spørgsmål"));
    }

    @Test
    void putPassesCodeKeyAndSlideAndAnswersTheNewState() {
        when(show.goTo("MOCK42", "the-key", 4)).thenReturn(new ShowState("slide", 4, 7, null, 13));
        given().contentType("application/json").header("X-Presenter-Key", "the-key").body("{\"slide\":4}")
                .when().put("/api/talks/{code}/show", "MOCK42").then().statusCode(200)
                .body("slide", equalTo(4)).body("version", equalTo(13));
    }

    @Test
    void aRefusalOfTheServiceIsAProblemBody() {
        when(show.goTo("MOCK42", "wrong", 2))
                .thenThrow(ApiProblem.forbidden("A valid presenter key for talk MOCK42 is required"));
        given().contentType("application/json").header("X-Presenter-Key", "wrong").body("{\"slide\":2}")
                .when().put("/api/talks/{code}/show", "MOCK42").then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", equalTo("A valid presenter key for talk MOCK42 is required"));
    }

    @Test
    void aBodyWithoutASlideIsRefusedBeforeTheServiceIsAsked() {
        given().contentType("application/json").header("X-Presenter-Key", "the-key").body("{}")
                .when().put("/api/talks/{code}/show", "MOCK42").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        verify(show, never()).goTo(anyString(), anyString(), anyInt());
    }
}
