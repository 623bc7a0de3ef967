package dk.afstemning.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dk.afstemning.TestLogins;
import dk.afstemning.testkit.LogCapture;

/**
 * Issue 21, item 6: 100 wrong passwords by form and 100 by HTTP Basic were answered without a 429 or a log line. Now
 * failed logins are throttled per account ({@code 1/h burst 5} here) and per address ({@code 1/h burst 12}): over
 * it a login gets 429 without its password being checked, while valid logins of other accounts go on.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class LoginThrottleTest {

    private static Response formLogin(String address, String username, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).header("Accept-Language", "en")
                .contentType("application/x-www-form-urlencoded").formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void wrongFormLoginsOfOneAccountGet429AfterFiveWhileAnotherAccountLogsIn() {
        String victim = "victim-form";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(formLogin("203.0.113.61", victim, "wrong-password-" + i).statusCode());
        }
        assertThat(statuses).containsExactly(302, 302, 302, 302, 302, 429, 429, 429);
        formLogin("203.0.113.61", victim, "wrong-password").then().statusCode(429).header("Retry-After", "3600")
                .body(containsString("Too many failed logins for this account or from this network."));
        // another account logs in at once, from the same address
        formLogin("203.0.113.61", TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/home"));
    }

    @Test
    void wrongBasicLoginsGet429AfterFiveWithAProblem() {
        String victim = "victim-basic";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(given().header("X-Forwarded-For", "203.0.113.62").auth().preemptive()
                    .basic(victim, "wrong-password-" + i).get("/api/decks").statusCode());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
        given().header("X-Forwarded-For", "203.0.113.62").auth().preemptive().basic(victim, "x").get("/api/decks")
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("login-rate-limited"));
        TestLogins.organiser().header("X-Forwarded-For", "203.0.113.62").get("/api/decks").then().statusCode(200);
    }

    @Test
    void anAddressThatFailsTwelveTimesOverManyAccountsIsThrottled() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            statuses.add(formLogin("203.0.113.63", "nobody-" + i, "wrong-password").statusCode());
        }
        assertThat(statuses.subList(0, 12)).containsOnly(302);
        assertThat(statuses.get(12)).isEqualTo(429);
    }

    @Test
    void aFailedLoginIsLoggedWithTheUserNameEscaped() {
        try (LogCapture log = LogCapture.of("dk.afstemning.security")) {
            formLogin("203.0.113.64", "evil\nDeckStartup presenter: x", "wrong-password").then().statusCode(302);
            assertThat(log.lines(Level.INFO)).anyMatch(l -> l.contains("203.0.113.64")
                    && l.contains("failed login for user \"evil\\nDeckStartup presenter: x\""));
            assertThat(log.lines(Level.INFO)).noneMatch(l -> l.contains("\nDeckStartup"));
        }
    }
}
