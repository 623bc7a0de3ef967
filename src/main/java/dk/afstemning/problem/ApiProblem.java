package dk.afstemning.problem;

/**
 * A refusal that the client can act on. REST answers it as an RFC 9457 problem body with {@link #status()}; the
 * WebSocket endpoints answer it as an {@code error} message. Throwing it inside a transaction rolls the work back.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    /**
     * @param status HTTP status, 4xx
     * @param type short machine-readable slug, e.g. {@code poll-closed}; becomes {@code urn:afstemning:problem:<slug>}
     * @param title short human summary of the kind of problem
     * @param detail what went wrong in this occurrence
     */
    public ApiProblem(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public static ApiProblem notFound(String what, String detail) {
        return new ApiProblem(404, what + "-not-found", "Not found", detail);
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(400, type, "Bad request", detail);
    }

    public static ApiProblem pollClosed(String pollKey) {
        return new ApiProblem(409, "poll-closed", "Poll closed", "Poll '" + pollKey + "' is not open for votes");
    }

    /**
     * 400 {@code invalid-text}: a text holds U+0000 or another control character but tab and line breaks (see
     * {@code text.ControlChars}); nothing of the request was stored.
     *
     * @param what the field or file and line, e.g. {@code Field 'text'} or {@code talk.md:3:}
     */
    public static ApiProblem invalidText(String what, String character) {
        return new ApiProblem(400, "invalid-text", "Invalid text", what + " holds the control character " + character
                + "; text may hold tab and line breaks, no other control character");
    }

    /** 503 {@code busy}: the vote was not stored in time (or may still be); the client resends the same request id. */
    public static ApiProblem busy() {
        return new ApiProblem(503, "busy", "Busy", "The server is busy storing other votes; send the vote again");
    }

    /**
     * 422 {@code profanity}: a text the talk shows (a Q&A question, a nickname) holds a word of the profanity lists.
     *
     * @param what the text refused, for the detail ("nickname", "question or nickname")
     */
    public static ApiProblem profanity(String what) {
        return new ApiProblem(422, "profanity", "Word not allowed",
                "The " + what + " contains a word that is not allowed here");
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }
}
