package dk.afstemning.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.Problem;

/**
 * Makes every REST call that changes something safe to resend: a POST, PUT, PATCH or DELETE under {@code /api/} with
 * an {@code Idempotency-Key} header (1-64 of {@code A-Z a-z 0-9 . _ : -}) runs once; a resend with the same key gets
 * the first answer again, status and body, and header {@code Idempotency-Replayed: true}. The key is scoped to the
 * method, path, query and the caller (presenter key, logged-in account, participant cookie), so it
 * replays only to the same call by the same caller. A copy sent while the first still runs waits for its answer (up
 * to 5 s, else 409 {@code request-in-progress}); a 5xx answer is not kept, so a resend runs again. Answers are kept
 * for 24 hours.
 */
public class IdempotencyFilter {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer. */
    public static final String REPLAYED = "Idempotency-Replayed";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> CREDENTIALS = List.of("X-Presenter-Key");
    private static final String SCOPE = IdempotencyFilter.class.getName() + ".scope";
    private static final String CLAIMED_KEY = IdempotencyFilter.class.getName() + ".key";
    private static final long WAIT_MILLIS = 5000;
    /** The join code of a talk's API path; stored with the answer so that deleting the talk deletes the answer. */
    private static final Pattern TALK_PATH = Pattern.compile("/api/talks/([A-Za-z0-9]{1,8})(?:/.*)?");

    @Inject
    IdempotencyKeys keys;

    @Inject
    ObjectMapper mapper;

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Optional<Response> replay(ContainerRequestContext context) throws InterruptedException {
        String key = context.getHeaderString(HEADER);
        String path = context.getUriInfo().getRequestUri().getRawPath();
        if (key == null || !CHANGING.contains(context.getMethod()) || !path.startsWith("/api/")) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            return Optional.of(new Problem(Problem.typeUri("invalid-idempotency-key"),
                    "Bad request", 400, HEADER + " must be 1-64 letters, digits or . _ : -", path, null).toResponse());
        }
        String scope = scope(context);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            IdempotencyKeys.Found found = keys.claim(scope, key, talkCode(path));
            if (found instanceof IdempotencyKeys.Claimed) {
                context.setProperty(SCOPE, scope);
                context.setProperty(CLAIMED_KEY, key);
                return Optional.empty();
            }
            if (found instanceof IdempotencyKeys.Answered answered) {
                IdempotencyKeys.Answer a = answered.answer();
                return Optional.of(Response.status(a.status()).type(a.mediaType()).entity(a.body())
                        .header(REPLAYED, "true").build());
            }
            if (System.currentTimeMillis() > deadline) {
                return Optional.of(Response.fromResponse(new Problem(
                        Problem.typeUri("request-in-progress"), "Conflict", 409,
                        "A request with this " + HEADER + " is still being answered; send it again shortly", path,
                        null).toResponse()).header("Retry-After", 1).build());
            }
            Thread.sleep(50);
        }
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response) {
        String scope = (String) request.getProperty(SCOPE);
        String key = (String) request.getProperty(CLAIMED_KEY);
        if (scope == null) {
            return;
        }
        if (response.getStatus() >= 500) {
            keys.release(scope, key);
            return;
        }
        keys.answer(scope, key, new IdempotencyKeys.Answer(response.getStatus(),
                response.getMediaType() == null ? null : response.getMediaType().toString(), body(response.getEntity())));
    }

    private String body(Object entity) {
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of method, path, query and credentials: a key replays only to the same call by the same caller. */
    private String scope(ContainerRequestContext context) {
        StringBuilder sb = new StringBuilder(context.getMethod()).append(' ')
                .append(context.getUriInfo().getRequestUri().getRawPath()).append('?')
                .append(context.getUriInfo().getRequestUri().getRawQuery());
        for (String header : CREDENTIALS) {
            sb.append('\n').append(context.getHeaderString(header));
        }
        sb.append('\n').append(identity.isAnonymous() ? null : identity.getPrincipal().getName());
        var cookie = context.getCookies().get(ParticipantService.COOKIE);
        sb.append('\n').append(cookie == null ? null : cookie.getValue());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String talkCode(String path) {
        Matcher m = TALK_PATH.matcher(path);
        return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }
}
