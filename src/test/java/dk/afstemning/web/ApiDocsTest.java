package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** OpenAPI and health endpoints describe the running app. */
@QuarkusTest
class ApiDocsTest {

    @Test
    void openApiListsTheTalkVoteResultsAndControlOperations() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"/api/talks/{code}\""))
                .body(containsString("\"/api/talks/{code}/participants\""))
                .body(containsString("\"/api/talks/{code}/polls/{pollId}/votes\""))
                .body(containsString("\"/api/talks/{code}/polls/{pollId}/results\""))
                .body(containsString("\"/api/talks/{code}/polls/{pollId}/open\""));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
