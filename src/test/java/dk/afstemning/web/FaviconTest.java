package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 19 item 5: every page asked for a missing /favicon.ico; every page now names the app's icon, which exists. */
@QuarkusTest
class FaviconTest {

    @Test
    void pagesNameTheIconAndItIsServed() {
        for (String page : new String[] { "/", "/login" }) {
            assertThat(given().get(page).then().statusCode(200).extract().asString())
                    .contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
        }
        String svg = given().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .extract().asString();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/favicon.svg"));
    }
}
