package dk.afstemning.security;

/**
 * A login refused by {@link LoginLimits}, the cause of the {@code AuthenticationFailedException} the login gets; kept
 * in the request's routing context as {@link #KEY}, so that the answer is 429 with {@code Retry-After} instead of a
 * login challenge.
 */
public class LoginThrottled extends RuntimeException {

    /** The routing-context key of a throttled login. */
    public static final String KEY = LoginThrottled.class.getName();

    private final long seconds;

    /** @param seconds how long until a login may be tried again */
    public LoginThrottled(long seconds) {
        super("Too many failed logins; retry in " + seconds + " s", null, false, false);
        this.seconds = seconds;
    }

    /** Seconds until a login may be tried again. */
    public long seconds() {
        return seconds;
    }
}
