package dk.afstemning;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import dk.afstemning.account.Account;
import dk.afstemning.account.AccountService;
import dk.afstemning.account.Role;
import dk.afstemning.talk.Talk;

/**
 * Logins for tests: the organiser configured in the test profile, presenter accounts made per test, form-login
 * sessions, and the CSRF double-submit pair (the same random token as cookie and header) that form posts and
 * multipart uploads need.
 */
public final class TestLogins {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** A CSRF token of the configured size (16 bytes, base64url): tests send it as cookie and header. */
    public static final String CSRF = "dGVzdC1jc3JmLXRva2VuIQ";

    private TestLogins() {
    }

    /** A request with the test organiser's HTTP Basic login. */
    public static RequestSpecification organiser() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A request with this account's HTTP Basic login. */
    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    /** Adds the CSRF cookie and the same token in the header. */
    public static RequestSpecification csrf(RequestSpecification request) {
        return request.cookie("afstemning_csrf", CSRF).header("X-CSRF-TOKEN", CSRF);
    }

    /** A new presenter account (password {@code presenter-password}) assigned to the given talks; its user name. */
    public static String presenter(AccountService accounts, Talk... talks) {
        String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = accounts.create(name, "presenter-password", Role.PRESENTER);
            for (Talk t : talks) {
                accounts.assign(account.id, t.joinCode);
            }
        });
        return name;
    }

    /**
     * Logs in with the form and answers its cookies: the session cookie and the session version beside it (both are
     * needed; send them with {@code .cookies(...)}).
     */
    public static Map<String, String> session(String username, String password) {
        Map<String, String> cookies = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check").then().statusCode(302).extract()
                .cookies();
        return Map.of("afstemning_session", cookies.get("afstemning_session"), "afstemning_session_v",
                cookies.get("afstemning_session_v"));
    }
}
