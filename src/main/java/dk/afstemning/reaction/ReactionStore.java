package dk.afstemning.reaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/**
 * The stored reaction counts, table {@code slide_reaction}: one row per talk, slide position and kind, added to in
 * batches by {@link ReactionService}. Rows of a deleted talk go with it ({@code on delete cascade}).
 */
@ApplicationScoped
@Transactional
public class ReactionStore {

    @Inject
    TalkService talks;

    /** What a reaction needs of its talk, read once and cached by {@link ReactionService}. */
    record TalkInfo(long talkId, boolean enabled, int slide) {
    }

    /**
     * A slide's stored reactions, for the organiser's report.
     *
     * @param slide the 1-based slide position
     * @param title the slide's title now, or null (a slide that the deck no longer has, or without a heading)
     * @param counts per kind, by wire name in the order of {@link Reaction}, 0 included
     * @param total the sum of {@code counts}
     */
    public record SlideReactions(int slide, String title, Map<String, Long> counts, long total) {
    }

    /** @throws dk.afstemning.problem.ApiProblem 404 for an unknown join code */
    TalkInfo talk(String code) {
        Talk talk = talks.require(code);
        return new TalkInfo(talk.id, talk.reactionsEnabled, talk.currentSlide);
    }

    /** The stored counts of one slide, indexed by {@link Reaction#ordinal()}. */
    long[] counts(long talkId, int slide) {
        long[] counts = new long[Reaction.values().length];
        List<Object[]> rows = em().createNativeQuery(
                "select reaction, count from slide_reaction where talk_id = ?1 and position = ?2", Object[].class)
                .setParameter(1, talkId).setParameter(2, slide).getResultList();
        for (Object[] row : rows) {
            add(counts, (String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Adds a batch of counts in one transaction; counts of a talk deleted meanwhile are dropped.
     *
     * @param batch per talk id, per slide position, the counts indexed by {@link Reaction#ordinal()}
     */
    void add(Map<Long, Map<Integer, long[]>> batch) {
        EntityManager em = em();
        batch.forEach((talkId, slides) -> slides.forEach((slide, counts) -> {
            for (Reaction r : Reaction.values()) {
                long n = counts[r.ordinal()];
                if (n == 0) {
                    continue;
                }
                int updated = em.createNativeQuery("update slide_reaction set count = count + ?1"
                        + " where talk_id = ?2 and position = ?3 and reaction = ?4")
                        .setParameter(1, n).setParameter(2, talkId).setParameter(3, slide)
                        .setParameter(4, r.wireName()).executeUpdate();
                if (updated == 0) {
                    em.createNativeQuery("insert into slide_reaction (talk_id, position, reaction, count)"
                            + " select ?1, ?2, ?3, ?4 from talk where id = ?1")
                            .setParameter(1, talkId).setParameter(2, slide).setParameter(3, r.wireName())
                            .setParameter(4, n).executeUpdate();
                }
            }
        }));
    }

    /** The talk's stored reactions per slide, in slide order; slides without reactions left out. */
    public List<SlideReactions> byTalk(long talkId) {
        List<Object[]> rows = em().createNativeQuery("select r.position, s.title, r.reaction, r.count"
                + " from slide_reaction r left join slide s on s.talk_id = r.talk_id and s.position = r.position"
                + " where r.talk_id = ?1 order by r.position", Object[].class).setParameter(1, talkId).getResultList();
        Map<Integer, long[]> counts = new LinkedHashMap<>();
        Map<Integer, String> titles = new LinkedHashMap<>();
        for (Object[] row : rows) {
            int slide = ((Number) row[0]).intValue();
            titles.put(slide, (String) row[1]);
            add(counts.computeIfAbsent(slide, s -> new long[Reaction.values().length]), (String) row[2],
                    ((Number) row[3]).longValue());
        }
        List<SlideReactions> slides = new ArrayList<>();
        counts.forEach((slide, c) -> {
            long total = 0;
            for (long n : c) {
                total += n;
            }
            slides.add(new SlideReactions(slide, titles.get(slide), ReactionMessages.byKind(c), total));
        });
        return slides;
    }

    private static void add(long[] counts, String wireName, long n) {
        for (Reaction r : Reaction.values()) {
            if (r.wireName().equals(wireName)) {
                counts[r.ordinal()] += n;
            }
        }
    }

    private static EntityManager em() {
        return Talk.getEntityManager();
    }
}
