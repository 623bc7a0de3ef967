package dk.afstemning.organiser;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.afstemning.talk.Talk;

/**
 * Deletes a talk and everything recorded about it (GDPR): slides, polls, options, participants, votes, receipts,
 * kept counts, share links and presenter assignments all reference the talk with {@code on delete cascade}, so one
 * statement removes them in one transaction, together with the stored answers of idempotent requests about the talk
 * (they hold response bodies: an open-text answer, a question and its nickname). The deck stays: it is the speaker's content and other talks may use it.
 */
@ApplicationScoped
public class TalkDeletion {

    /** @return true when the talk existed and is now gone */
    @Transactional
    public boolean delete(long talkId) {
        Talk.getEntityManager().createNativeQuery("delete from idempotency_record where talk_code = "
                + "(select join_code from talk where id = ?1)").setParameter(1, talkId).executeUpdate();
        return Talk.getEntityManager().createNativeQuery("delete from talk where id = ?1").setParameter(1, talkId)
                .executeUpdate() == 1;
    }
}
