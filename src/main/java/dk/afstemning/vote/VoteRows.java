package dk.afstemning.vote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child rows of many votes ({@link VoteChoice} options and {@link VoteText} entries), read with one query per kind
 * for each {@value #CHUNK} votes instead of one per vote: what exports, reports and the participant's screen use to
 * show each vote's answer. Each kind is read on its first use, so a list of single-choice votes costs no query.
 */
public final class VoteRows {

    /** Most vote ids in one IN list. */
    static final int CHUNK = 1000;

    private final List<Long> ids;
    private Map<Long, List<VoteChoice>> choices;
    private Map<Long, List<VoteText>> texts;

    private VoteRows(List<Long> ids) {
        this.ids = ids;
    }

    /** The child rows of {@code votes}, each vote's in answer order, read when first asked for. */
    public static VoteRows of(List<Vote> votes) {
        return new VoteRows(votes.stream().map(v -> v.id).distinct().toList());
    }

    /** The vote's options in answer order (multiple, ranking); empty for other types. */
    public List<VoteChoice> choices(Vote vote) {
        if (choices == null) {
            choices = read("from VoteChoice c join fetch c.option where c.vote.id in ?1 order by c.vote.id, c.position",
                    VoteChoice.class, c -> c.vote.id);
        }
        return choices.getOrDefault(vote.id, List.of());
    }

    /** The vote's text entries in answer order (wordcloud, open); empty for other types. */
    public List<VoteText> texts(Vote vote) {
        if (texts == null) {
            texts = read("from VoteText t where t.vote.id in ?1 order by t.vote.id, t.position", VoteText.class,
                    t -> t.vote.id);
        }
        return texts.getOrDefault(vote.id, List.of());
    }

    private <T> Map<Long, List<T>> read(String query, Class<T> type, java.util.function.Function<T, Long> voteId) {
        Map<Long, List<T>> byVote = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Vote.getEntityManager().createQuery(query, type).setParameter(1, chunk).getResultList()
                    .forEach(row -> byVote.computeIfAbsent(voteId.apply(row), k -> new ArrayList<>()).add(row));
        }
        return byVote;
    }
}
