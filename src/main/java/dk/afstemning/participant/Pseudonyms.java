package dk.afstemning.participant;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import dk.afstemning.platform.Setting;
import dk.afstemning.talk.JoinCodes;

/**
 * Participant pseudonyms for exports. A participant's pseudonym is {@code P-} and the first 12 hex digits of
 * HMAC-SHA256(talk key, participant id), where the talk key is HMAC-SHA256(server secret, talk id) and the server secret
 * is random, made at the first export and kept in the database (setting {@code export-pseudonym-secret}). So the same
 * participant has the same pseudonym in every export of a talk, pseudonyms of different talks cannot be linked, and
 * nobody without the server secret can go from a pseudonym back to a participant token.
 */
@Singleton
public class Pseudonyms {

    private static final String SETTING = "export-pseudonym-secret";

    private volatile byte[] secret;

    /** The pseudonym of participant {@code participantId} in talk {@code talkId}, e.g. {@code P-3f9a0c12d4e7}. */
    @Transactional
    public String of(long talkId, long participantId) {
        byte[] talkKey = ParticipantTokens.hmac(secret(), "talk:" + talkId);
        return "P-" + HexFormat.of().formatHex(ParticipantTokens.hmac(talkKey, "participant:" + participantId), 0, 6);
    }

    private byte[] secret() {
        if (secret == null) {
            String value = Setting.get(SETTING).orElseGet(() -> {
                Setting s = new Setting();
                s.name = SETTING;
                s.value = JoinCodes.secret();
                s.persist();
                return s.value;
            });
            secret = value.getBytes(StandardCharsets.UTF_8);
        }
        return secret;
    }
}
