package dk.afstemning.vote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child rows of many votes ({@link VoteChoice} options and {@link VoteText} entries), read with one query per kind
 * for each {@value #CHUNK} votes instead of one per vote: what exports and reports use to show each vote's answer.
 */
public final class VoteRows {

    /** Most vote ids in one IN list. */
    static final int CHUNK = 1000;

    private final Map<Long, List<VoteChoice>> choices = new HashMap<>();
    private final Map<Long, List<VoteText>> texts = new HashMap<>();

    private VoteRows() {
    }

    /** Reads the choices and texts of {@code votes}, each vote's rows in answer order. */
    public static VoteRows of(List<Vote> votes) {
        VoteRows rows = new VoteRows();
        List<Long> ids = votes.stream().map(v -> v.id).distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            VoteChoice.<VoteChoice>find("from VoteChoice c join fetch c.option where c.vote.id in ?1 order by c.vote.id, c.position", chunk).list()
                    .forEach(c -> rows.choices.computeIfAbsent(c.vote.id, k -> new ArrayList<>()).add(c));
            VoteText.<VoteText>find("from VoteText t where t.vote.id in ?1 order by t.vote.id, t.position", chunk).list()
                    .forEach(t -> rows.texts.computeIfAbsent(t.vote.id, k -> new ArrayList<>()).add(t));
        }
        return rows;
    }

    /** The vote's options in answer order (multiple, ranking); empty for other types. */
    public List<VoteChoice> choices(Vote vote) {
        return choices.getOrDefault(vote.id, List.of());
    }

    /** The vote's text entries in answer order (wordcloud, open); empty for other types. */
    public List<VoteText> texts(Vote vote) {
        return texts.getOrDefault(vote.id, List.of());
    }
}
