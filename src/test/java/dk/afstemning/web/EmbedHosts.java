package dk.afstemning.web;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app with {@code afstemning.frame-ancestors} naming one other site on 127.0.0.1 ({@link #ALLOWED_PORT}), for the
 * browser tests of the embed view and the reveal.js plugin. Both use this profile, so the app starts once for them.
 */
public class EmbedHosts implements QuarkusTestProfile {

    /** The port of the site allowed to frame the embed view, chosen when the class loads. */
    static final int ALLOWED_PORT = HostSite.freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("afstemning.frame-ancestors", "http://127.0.0.1:" + ALLOWED_PORT);
    }
}
