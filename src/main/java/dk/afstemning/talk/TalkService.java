package dk.afstemning.talk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

import dk.afstemning.problem.ApiProblem;

/** Finds talks by join code and checks presenter keys and presenter logins. */
@ApplicationScoped
@Transactional
public class TalkService {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PresenterLogins logins;

    /**
     * @param code the join code as typed (case and dashes do not matter)
     * @throws ApiProblem 404 when no talk has that code
     */
    public Talk require(String code) {
        return find(code).orElseThrow(() -> unknown(code));
    }

    /**
     * The talk with this join code (any case, spaces ignored), without a transaction of its own: for callers inside a
     * transaction that a refusal must not roll back (the vote writer's batch).
     */
    public static Optional<Talk> find(String code) {
        String normalized = JoinCodes.normalize(code);
        return JoinCodes.isWellFormed(normalized) ? Talk.findByJoinCode(normalized) : Optional.empty();
    }

    /** 404 {@code talk}: no talk has the join code. */
    public static ApiProblem unknown(String code) {
        return ApiProblem.notFound("talk", "No talk has the join code '" + code + "'");
    }

    /**
     * @throws ApiProblem 403 unless {@code key} is this talk's presenter key (compared in constant time) or the
     *         request's login may present the talk
     */
    public void requirePresenter(Talk talk, String key) {
        if (!isPresenterKey(talk, key) && !loginMayPresent(talk)) {
            throw ApiProblem.forbidden("A valid presenter key for talk " + talk.joinCode + " is required");
        }
    }

    /** How a presenter key fits a join code: {@link #presenterKeyFits}. */
    public enum KeyFit {
        /** The key is the talk's presenter key. */
        FITS,
        /** The talk exists; the key is missing or another one. */
        WRONG_KEY,
        /** No talk has the code. */
        NO_TALK
    }

    /** Whether {@code key} is the presenter key of the talk with join code {@code code} (as typed). */
    public KeyFit presenterKeyFits(String code, String key) {
        String normalized = JoinCodes.normalize(code);
        if (!JoinCodes.isWellFormed(normalized)) {
            return KeyFit.NO_TALK;
        }
        return Talk.findByJoinCode(normalized).map(t -> isPresenterKey(t, key) ? KeyFit.FITS : KeyFit.WRONG_KEY)
                .orElse(KeyFit.NO_TALK);
    }

    /**
     * What a page gives a presenter who came by login instead of the key, in place of the key: not a secret. Their
     * commands and presenter socket go by the login ({@link #loginMayPresent}, {@link #presenterFits}); so a page
     * never holds the key for them, and un-assigning or disabling the account stops them at once.
     */
    public static final String LOGIN_KEY = "login";

    /**
     * As {@link #presenterKeyFits}, but a login that may present the talk (an organiser, or a presenter account
     * assigned to it, checked now) fits too. For the presenter socket's upgrade, where no request scope holds it.
     */
    public KeyFit presenterFits(String code, String key, SecurityIdentity identity) {
        KeyFit fit = presenterKeyFits(code, key);
        if (fit != KeyFit.WRONG_KEY || identity == null || identity.isAnonymous()) {
            return fit;
        }
        return Talk.findByJoinCode(JoinCodes.normalize(code)).filter(t -> logins.mayPresent(identity, t.id))
                .isPresent() ? KeyFit.FITS : KeyFit.WRONG_KEY;
    }

    /** The key a page of the talk may hold: the key when the viewer gave it, else {@link #LOGIN_KEY}. */
    public static String keyForPage(Talk talk, String givenKey) {
        return isPresenterKey(talk, givenKey) ? talk.presenterKey : LOGIN_KEY;
    }

    /** True when {@code key} is the talk's presenter key; compared in constant time. */
    public static boolean isPresenterKey(Talk talk, String key) {
        return key != null && MessageDigest.isEqual(talk.presenterKey.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * True when the request carries a login (form session or HTTP Basic) that may present the talk: every organiser,
     * and a presenter account the talk is assigned to. False outside an HTTP request (no identity there).
     */
    public boolean loginMayPresent(Talk talk) {
        SecurityIdentity identity;
        try {
            identity = identities.getIdentity();
        } catch (ContextNotActiveException e) {
            return false;
        }
        if (identity == null || identity.isAnonymous()) {
            return false;
        }
        return logins.mayPresent(identity, talk.id);
    }

    /**
     * Gives the talk a new random presenter key; the old one stops working at once for commands and new sockets
     * (sockets already open are closed by {@code live.PresenterKeyRotation}).
     *
     * @return the talk's join code
     * @throws ApiProblem 404 for an unknown talk
     */
    public String rotatePresenterKey(long talkId) {
        Talk talk = Talk.<Talk>findByIdOptional(talkId)
                .orElseThrow(() -> ApiProblem.notFound("talk", "No talk has the id " + talkId));
        talk.presenterKey = JoinCodes.secret();
        return talk.joinCode;
    }
}
