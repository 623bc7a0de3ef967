package dk.afstemning.polltype.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.afstemning.poll.Poll;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;

/**
 * Every quiz player of a talk with their total points over the current rounds of the talk's quiz polls, most points
 * first, ranked by competition ranking: equal points share a rank and the next rank skips as many ("1, 2, 2, 4");
 * equal points are ordered by nickname. A player is a participant with at least one quiz answer (stored, or kept
 * of a pruned vote). Read with one query; needs a transaction.
 *
 * @param players every player, best first
 */
record Standings(List<Player> players) {

    /**
     * @param participantId the participant's database id
     * @param nickname the nickname, exactly as typed
     * @param points total quiz points
     * @param correct quiz questions answered right
     * @param rank 1 for the most points
     */
    record Player(long participantId, String nickname, long points, long correct, int rank) {
    }

    /**
     * The scores of stored quiz votes and of the points kept of pruned ones, in the current rounds of questions that
     * are not open: while a question is open, a player's total must not tell whether their answer was right.
     */
    private static final String SCORES = " x join poll p on p.id = x.poll_id where p.talk_id = ?1 and p.type = ?2"
            + " and p.archived = false and x.round = p.round and p.status <> 'OPEN'";

    static Standings of(Talk talk) {
        @SuppressWarnings("unchecked")
        List<Object[]> totals = Vote.getEntityManager().createNativeQuery("select pa.id, pa.nickname, sum(s.points),"
                + " sum(case when s.points > 0 then 1 else 0 end) from (select x.participant_id, x.points from vote"
                + SCORES + " union all select x.participant_id, x.points from pruned_vote" + SCORES + ") s"
                + " join participant pa on pa.id = s.participant_id group by pa.id, pa.nickname"
                + " order by sum(s.points) desc, pa.nickname, pa.id").setParameter(1, talk.id)
                .setParameter(2, QuizType.NAME).getResultList();
        List<Player> players = new ArrayList<>(totals.size());
        int rank = 0;
        long previous = -1;
        for (int i = 0; i < totals.size(); i++) {
            Object[] t = totals.get(i);
            long points = ((Number) t[2]).longValue();
            if (points != previous) {
                rank = i + 1;
                previous = points;
            }
            players.add(new Player(((Number) t[0]).longValue(), (String) t[1], points, ((Number) t[3]).longValue(),
                    rank));
        }
        return new Standings(List.copyOf(players));
    }

    /**
     * The first {@code top} players, and every player tied with the last of them: nobody with the same points as the
     * {@code top}-th player is left out.
     */
    List<Player> top(int top) {
        if (players.size() <= top) {
            return players;
        }
        long cut = players.get(top - 1).points();
        int end = top;
        while (end < players.size() && players.get(end).points() == cut) {
            end++;
        }
        return players.subList(0, end);
    }

    /** The players by participant id. */
    Map<Long, Player> byParticipant() {
        Map<Long, Player> map = new HashMap<>(players.size() * 2);
        players.forEach(p -> map.put(p.participantId(), p));
        return map;
    }

    /** Points per participant id in the poll's current round, stored and pruned votes alike. */
    static Map<Long, Long> pointsIn(Poll poll) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Vote.getEntityManager().createNativeQuery("select participant_id, points from vote"
                + " where poll_id = ?1 and round = ?2 union all select participant_id, points from pruned_vote"
                + " where poll_id = ?1 and round = ?2").setParameter(1, poll.id).setParameter(2, poll.round)
                .getResultList();
        Map<Long, Long> points = new HashMap<>(rows.size() * 2);
        rows.forEach(r -> points.merge(((Number) r[0]).longValue(),
                r[1] == null ? 0L : ((Number) r[1]).longValue(), Long::sum));
        return points;
    }
}
