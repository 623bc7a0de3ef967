package dk.afstemning.talk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.afstemning.problem.ApiProblem;

/** Finds talks by join code and checks presenter keys. */
@ApplicationScoped
@Transactional
public class TalkService {

    /**
     * @param code the join code as typed (case and dashes do not matter)
     * @throws ApiProblem 404 when no talk has that code
     */
    public Talk require(String code) {
        String normalized = JoinCodes.normalize(code);
        if (!JoinCodes.isWellFormed(normalized)) {
            throw ApiProblem.notFound("talk", "No talk has the join code '" + code + "'");
        }
        return Talk.findByJoinCode(normalized)
                .orElseThrow(() -> ApiProblem.notFound("talk", "No talk has the join code '" + code + "'"));
    }

    /** The talk as the API shows it. @throws ApiProblem 404 when no talk has that code */
    public TalkView view(String code) {
        return TalkView.of(require(code));
    }

    /** @throws ApiProblem 403 unless {@code key} is this talk's presenter key (compared in constant time) */
    public void requirePresenter(Talk talk, String key) {
        if (!isPresenterKey(talk, key)) {
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

    /** True when {@code key} is the talk's presenter key; compared in constant time. */
    public static boolean isPresenterKey(Talk talk, String key) {
        return key != null && MessageDigest.isEqual(talk.presenterKey.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }
}
