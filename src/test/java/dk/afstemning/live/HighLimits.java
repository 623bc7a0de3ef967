package dk.afstemning.live;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Limits so high that a fuzz test sending thousands of messages from one address never reaches them. */
public class HighLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "afstemning.limits.votes-per-participant", "100000/s burst 100000",
                "afstemning.limits.votes-per-ip", "100000/s burst 100000",
                "afstemning.limits.joins-per-ip", "100000/s burst 100000",
                "afstemning.limits.lookups-per-ip", "100000/s burst 100000",
                "afstemning.limits.join-code-misses", "100000");
    }
}
