package dk.afstemning.security;

import java.util.Map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.RawHttp;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 8: {@code POST /j_security_check} from a foreign Origin logged in (login CSRF); JSON endpoints read a
 * body sent without a content type (which a page of another site can send without a pre-flight); the CSRF refusal and
 * an oversize body were empty 400 and 413 answers.
 */
@QuarkusTest
class LoginCsrfTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void aLoginFromAPageOfAnotherSiteIsRefused() {
        given().redirects().follow(false).header("Origin", "http://evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("j_username", TestLogins.ADMIN)
                .formParam("j_password", TestLogins.ADMIN_PASSWORD).post("/j_security_check").then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("cross-origin"))
                .header("Set-Cookie", nullValue());
        given().redirects().follow(false).header("Origin", base.toString().replaceAll("/$", ""))
                .contentType("application/x-www-form-urlencoded").formParam("j_username", TestLogins.ADMIN)
                .formParam("j_password", TestLogins.ADMIN_PASSWORD).post("/j_security_check").then().statusCode(302);
    }

    @Test
    void aJsonBodyWithoutContentTypeIsRefusedWith415AndStoresNothing() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String token = talk.join();
        String body = "{\"optionId\":" + talk.options().get(0) + "}";
        try (RawHttp http = RawHttp.connect(base)) {
            String head = http.send("POST /api/talks/" + talk.code + "/polls/q/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Cookie: afstemning_pid=" + token + "\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body).head();
            assertThat(RawHttp.status(head)).isEqualTo(415);
            assertThat(head).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(http.rest()).contains("urn:afstemning:problem:json-required");
        }
        given().get("/api/talks/{c}/polls/q/results", talk.code).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theCsrfRefusalHasAProblemBody() {
        Map<String, String> session = TestLogins.session(TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/organiser/talks/{id}/shares", TestTalks.create(importer).id).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("csrf-token"));
    }

    @Test
    void aBodyOverTheHttpLimitHasAProblemBody() throws Exception {
        try (RawHttp http = RawHttp.connect(base)) {
            String head = http.send("POST /api/decks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/markdown\r\n"
                    + "Content-Length: 900000000\r\nConnection: close\r\n\r\nx").head();
            assertThat(RawHttp.status(head)).isEqualTo(413);
            assertThat(head).containsIgnoringCase("Content-Type: application/problem+json");
        }
    }

    /**
     * Trial of issue 21: the 1 MiB limit was checked only against Content-Length, so a 2 MB body sent in chunks was
     * read whole and reached the JSON layer (400). A chunked body outside the uploads is now refused before it is read.
     */
    @Test
    void aChunkedBodyIsRefusedWith411AndStoresNothing() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String token = talk.join();
        String body = "{\"optionId\":" + talk.options().get(0) + "}";
        try (RawHttp http = RawHttp.connect(base)) {
            String head = http.send("POST /api/talks/" + talk.code + "/polls/q/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Cookie: afstemning_pid=" + token + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").head();
            assertThat(RawHttp.status(head)).isEqualTo(411);
            assertThat(head).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(http.rest()).contains("urn:afstemning:problem:length-required");
        }
        given().get("/api/talks/{c}/polls/q/results", talk.code).then().statusCode(200).body("total", equalTo(0));
    }
}
