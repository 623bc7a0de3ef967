package dk.afstemning.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

import dk.afstemning.testkit.LogCapture;

import jakarta.inject.Inject;

/**
 * Issue 21, item 5: with no {@code quarkus.http.auth.session.encryption-key}, Quarkus made a temporary key at every
 * start and logged it at WARN, so anyone reading the log could forge an organiser's cookie. Now the key is made once
 * into the data folder (file 600, folder 700) and given to Quarkus; it is never printed.
 */
@QuarkusTest
@TestProfile(SessionKeyFileTest.NoConfiguredKey.class)
class SessionKeyFileTest {

    static final Path DATA = Path.of("target", "session-key-test", "data");

    /** A profile of its own, so the test profile's configured key does not apply; a fresh data folder. */
    public static class NoConfiguredKey implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "nosessionkey";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            deleteTree(DATA.getParent());
            return Map.of("afstemning.data-dir", DATA.toString(), "afstemning.admin.password", "test-admin-password",
                    "afstemning.bcrypt-cost", "4",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:sessionkey;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    VertxHttpConfig http;

    @Test
    void theKeyIsMadeOnceIntoAnOwnerOnlyFileAndUsed() throws Exception {
        Path file = DATA.resolve(SessionKeyFile.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
        String key = Files.readString(file).strip();
        assertThat(key).hasSize(44);
        assertThat(ConfigProvider.getConfig().getValue(SessionKeyFile.KEY, String.class)).isEqualTo(key);
        assertThat(SessionKeyFile.readOrCreate(file)).isEqualTo(key);
    }

    @Test
    void quarkusNeverMadeNorLoggedATemporaryKey() throws Exception {
        Field temporary = FormAuthenticationMechanism.class.getDeclaredField("encryptionKey");
        temporary.setAccessible(true);
        assertThat(temporary.get(null)).isNull();
        try (LogCapture log = LogCapture.of("io.quarkus.vertx.http.runtime.security")) {
            new FormAuthenticationMechanism(http.auth().form(),
                    ConfigProvider.getConfig().getOptionalValue(SessionKeyFile.KEY, String.class));
            assertThat(log.lines(Level.WARNING)).isEmpty();
        }
        assertThat(temporary.get(null)).isNull();
    }

    @Test
    void aLoginWorksWithTheGeneratedKey() {
        Map<String, String> cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "test-admin-password")
                .post("/j_security_check").then().statusCode(302).extract().cookies();
        given().redirects().follow(false).cookies(cookie).get("/organiser").then()
                .statusCode(200);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
