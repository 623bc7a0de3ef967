package dk.afstemning.problem;

/**
 * A refusal because a client went over an abuse limit: HTTP 429 with a {@code Retry-After} header over REST, an
 * {@code error} message with problem {@code rate-limited} on a socket (which stays open).
 */
public class RateLimited extends ApiProblem {

    private final long retryAfterSeconds;

    /**
     * @param detail what was limited, made by the server (never the client's text)
     * @param retryAfterSeconds whole seconds until the client may try again, at least 1
     */
    public RateLimited(String detail, long retryAfterSeconds) {
        this("rate-limited", detail, retryAfterSeconds);
    }

    /** A refusal with a problem type of its own, such as {@code reaction-rate-limited}; otherwise as above. */
    public RateLimited(String type, String detail, long retryAfterSeconds) {
        super(429, type, "Too many requests", detail + "; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
