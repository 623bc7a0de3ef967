package dk.afstemning.security;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Limits low enough to reach in a test, an extra allowed origin, and client addresses taken from
 * {@code X-Forwarded-For} (as behind a reverse proxy), so that each test can speak from addresses of its own, and a
 * limits' clock that moves only when a test moves it.
 */
public class LowLimits implements QuarkusTestProfile {

    /** The limits' clock stands still unless a test moves it ({@link FakeTicker}). */
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeTicker.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("afstemning.limits.failed-logins-per-account", "1/h burst 5"),
                Map.entry("afstemning.limits.failed-logins-per-ip", "1/h burst 12"),
                Map.entry("afstemning.limits.votes-per-participant", "1/min burst 3"),
                Map.entry("afstemning.limits.votes-per-ip", "1/min burst 5"),
                Map.entry("afstemning.limits.joins-per-ip", "1/min burst 4"),
                Map.entry("afstemning.limits.lookups-per-ip", "1/min burst 10"),
                Map.entry("afstemning.limits.join-code-misses", "5"),
                Map.entry("afstemning.limits.join-code-miss-window", "5s"),
                Map.entry("afstemning.allowed-origins", "https://intranet.example.dk"),
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"));
    }
}
