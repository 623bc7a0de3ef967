package dk.afstemning.participant;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.platform.TextInput;

/** Joins participants to talks and recognises them again by the token in their cookie. */
@ApplicationScoped
@Transactional
public class ParticipantService {

    @Inject
    TalkService talks;

    @Inject
    Event<ParticipantJoined> joined;

    @Inject
    ParticipantTokens tokens;

    /** Name of the cookie that holds the participant token. */
    public static final String COOKIE = "afstemning_pid";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * Joins {@code talk}, reusing {@code token} when it is well-formed, so a reload or a second join keeps the identity.
     *
     * @return the participant; its token goes back into the cookie
     */
    public Participant join(Talk talk, String token) {
        return join(talk, token, () -> {
        });
    }

    /**
     * Joins the talk with this join code, as {@link #join(Talk, String, Runnable)}.
     *
     * @return the participant's token (the one given when it was well-formed and had joined, else a new one)
     * @throws ApiProblem 404 when no talk has the code
     */
    public String join(String code, String token, Runnable beforeNew) {
        return join(talks.require(code), token, beforeNew).token;
    }

    /**
     * As {@link #join(Talk, String)}, running {@code beforeNew} before a new participant is made (a limit on new
     * participants that may throw; nothing is stored then).
     */
    public Participant join(Talk talk, String token, Runnable beforeNew) {
        if (isWellFormed(token)) {
            var existing = find(talk, token);
            if (existing.isPresent()) {
                return existing.get();
            }
        } else {
            token = JoinCodes.secret();
        }
        beforeNew.run();
        Participant p = new Participant();
        p.talk = talk;
        p.tokenHash = tokens.hash(talk.id, token);
        p.token = token;
        p.joinedAt = Instant.now();
        p.persist();
        joined.fire(new ParticipantJoined(talk.joinCode));
        return p;
    }

    /** @throws ApiProblem 403 when the token has not joined this talk */
    public Participant require(Talk talk, String token) {
        if (!isWellFormed(token)) {
            throw notJoined(talk);
        }
        return find(talk, token).orElseThrow(() -> notJoined(talk));
    }

    /** The participant of the talk that joined with this (well-formed) token, carrying the token; if any. */
    public Optional<Participant> find(Talk talk, String token) {
        Optional<Participant> found = Participant.findByTalkAndHash(talk, tokens.hash(talk.id, token));
        found.ifPresent(p -> p.token = token);
        return found;
    }

    /**
     * Sets the participant's quiz nickname (see {@link Nicknames}); setting it again changes it.
     *
     * @return the nickname as stored
     * @throws ApiProblem 400 invalid nickname, 403 not joined, 404 unknown talk, 409 {@code nickname-taken} by another
     *         participant of the talk, 422 {@code profanity} (a filtered word, unless the talk's filter is off)
     */
    public String nickname(String code, String token, String raw) {
        Talk talk = talks.require(code);
        Participant participant = require(talk, token);
        String nickname = Nicknames.normalise(TextInput.clean("nickname", raw));
        if (talk.profanityFilter && talk.wordFilter().matches(nickname)) {
            // The leaderboard is projected: a nickname passes the same filter as Q&A questions and names.
            throw ApiProblem.profanity("nickname");
        }
        String key = Nicknames.key(nickname);
        boolean taken = Participant.count("talk = ?1 and nicknameKey = ?2 and id <> ?3", talk, key, participant.id) > 0;
        if (taken) {
            throw new ApiProblem(409, "nickname-taken", "Nickname taken",
                    "Someone in this talk already goes by '" + nickname + "'");
        }
        participant.nickname = nickname;
        participant.nicknameKey = key;
        return nickname;
    }

    public static boolean isWellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** How many participants have joined the talk with this join code (0 for an unknown code). */
    public long joined(String code) {
        return Participant.count("talk.joinCode", code);
    }

    /** 403 {@code not-joined}: the token is no participant of the talk. */
    public static ApiProblem notJoined(Talk talk) {
        return new ApiProblem(403, "not-joined", "Not joined",
                "Join talk " + talk.joinCode + " first (open its join link or POST /api/talks/" + talk.joinCode
                        + "/participants)");
    }
}
