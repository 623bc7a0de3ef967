package dk.afstemning.polltype.quiz;

import java.util.ArrayList;
import java.util.List;

import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;

/**
 * The quiz standings of a talk: every participant's points summed over the current rounds of the talk's quiz polls,
 * highest first (ties share a rank, "1224" style, and are ordered by nickname). Also the body of
 * {@code GET /api/talks/{code}/leaderboard}.
 *
 * @param type always {@code "leaderboard"}
 * @param quizzes the number of quiz polls of the talk
 * @param rows the top {@link #TOP} participants
 */
public record Leaderboard(String type, int quizzes, List<Row> rows) {

    /** How many rows a leaderboard shows. */
    public static final int TOP = 10;

    /**
     * @param rank 1 for the most points; equal points share a rank
     * @param nickname the participant's nickname, exactly as typed
     * @param points total quiz points
     * @param correct how many quiz questions the participant answered right
     */
    public record Row(int rank, String nickname, long points, long correct) {
    }

    /** Reads the standings of the talk (needs a transaction). */
    public static Leaderboard of(Talk talk) {
        // Stored quiz votes and the points kept of pruned ones (pruned_vote), current rounds of active quiz polls.
        String scores = " x join poll p on p.id = x.poll_id where p.talk_id = ?1 and p.type = ?2"
                + " and p.archived = false and x.round = p.round";
        @SuppressWarnings("unchecked")
        List<Object[]> totals = Vote.getEntityManager().createNativeQuery("select pa.nickname, sum(s.points),"
                + " sum(case when s.points > 0 then 1 else 0 end) from (select x.participant_id, x.points from vote"
                + scores + " union all select x.participant_id, x.points from pruned_vote" + scores + ") s"
                + " join participant pa on pa.id = s.participant_id group by pa.id, pa.nickname"
                + " order by sum(s.points) desc, pa.nickname").setParameter(1, talk.id).setParameter(2, QuizType.NAME)
                .setMaxResults(TOP)
                .getResultList();
        List<Row> rows = new ArrayList<>();
        long previous = -1;
        int rank = 0;
        for (int i = 0; i < totals.size(); i++) {
            Object[] t = totals.get(i);
            long points = ((Number) t[1]).longValue();
            if (points != previous) {
                rank = i + 1;
                previous = points;
            }
            rows.add(new Row(rank, (String) t[0], points, ((Number) t[2]).longValue()));
        }
        int quizzes = (int) dk.afstemning.poll.Poll.count("talk = ?1 and type = ?2 and archived = false", talk,
                QuizType.NAME);
        return new Leaderboard("leaderboard", quizzes, rows);
    }
}
