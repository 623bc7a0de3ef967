package dk.afstemning.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The few Quarkus HTTP settings the pages read, {@code quarkus.http.*}. Quarkus owns these keys and their defaults
 * (the host is {@code 0.0.0.0}, or {@code localhost} in dev and test mode), so none are repeated here.
 */
@ConfigMapping(prefix = "quarkus.http")
public interface HttpConfig {

    /** The address the HTTP server listens on, a host name or IP address; {@code 0.0.0.0} or {@code ::} is all. */
    String host();

    /** The HTTP port the server listens on (not the test port). */
    int port();

    /** Name of the form login's session cookie. */
    @WithName("auth.form.cookie-name")
    String sessionCookie();
}
