package dk.afstemning.live.bus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An instance that cannot listen on its live bus (here: Redis at a port where none runs) is not ready, so that a load
 * balancer sends phones to the instances that hear the others; it still answers, and says why.
 */
@QuarkusTest
@TestProfile(BusDownTest.NoRedis.class)
class BusDownTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("afstemning.live.bus", "redis", "quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void readinessIsDownWhileTheBusIsUnreachableAndLivenessStaysUp() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'live bus' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'live bus' }.data.engine", equalTo("redis"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/api/talks/NOSUCH").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "afstemning_live_bus_connected 0.0"));
        given().get("/q/health/ready").then().body("checks.name", hasItem("live bus"));
    }
}
