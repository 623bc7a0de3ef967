package dk.afstemning.share;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.Talk;

/** Creates, revokes and resolves share links. */
@ApplicationScoped
@Transactional
public class ShareService {

    /** A new link to the talk's results. @throws ApiProblem 404 for an unknown talk */
    public ShareLink create(long talkId) {
        ShareLink link = new ShareLink();
        link.talk = Talk.<Talk>findByIdOptional(talkId)
                .orElseThrow(() -> ApiProblem.notFound("talk", "No talk has the id " + talkId));
        link.token = JoinCodes.secret();
        link.createdAt = Instant.now();
        link.persist();
        return link;
    }

    /** Revokes the link if it belongs to the talk; nothing happens otherwise. */
    public void revoke(long talkId, long linkId) {
        ShareLink.<ShareLink>findByIdOptional(linkId).filter(l -> l.talk.id == talkId && l.revokedAt == null)
                .ifPresent(l -> l.revokedAt = Instant.now());
    }

    /** The talk a live (not revoked) token shows, if any. */
    public Optional<Talk> talkOf(String token) {
        return token == null || token.length() > 64 ? Optional.empty() : ShareLink.findActive(token).map(l -> l.talk);
    }
}
