package dk.afstemning.report;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Every report, export and question route refuses a request without an organiser login. */
@QuarkusTest
class ReportAuthorisationTest {

    /** Every route of the reports and exports; a new route belongs in this list. */
    static final List<String> ROUTES = List.of(
            "/api/organiser/talks/1/report",
            "/api/organiser/talks/1/export.csv",
            "/api/organiser/talks/1/results.csv",
            "/api/organiser/talks/1/export.json",
            "/api/organiser/talks/1/export.xlsx",
            "/api/organiser/questions",
            "/api/organiser/questions/afstemning",
            "/api/organiser/questions/afstemning/export.csv",
            "/api/organiser/questions/afstemning/results.csv",
            "/api/organiser/questions/afstemning/tests.csv",
            "/api/organiser/questions/afstemning/export.json",
            "/api/organiser/questions/afstemning/export.xlsx",
            "/api/organiser/codebook.csv",
            "/organiser/questions",
            "/organiser/questions/afstemning");

    @Test
    void withoutLoginEveryApiRouteIs401AndEveryPageSendsToTheLogin() {
        for (String route : ROUTES) {
            if (route.startsWith("/api/")) {
                given().redirects().follow(false).when().get(route).then().statusCode(401);
            } else {
                given().redirects().follow(false).when().get(route).then().statusCode(302)
                        .header("Location", org.hamcrest.Matchers.endsWith("/login"));
            }
        }
    }

    @Test
    @TestSecurity(user = "p", roles = "presenter")
    void anotherRoleGets403() {
        for (String route : ROUTES) {
            given().redirects().follow(false).when().get(route).then().statusCode(403);
        }
    }
}
