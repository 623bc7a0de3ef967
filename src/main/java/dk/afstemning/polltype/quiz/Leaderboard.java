package dk.afstemning.polltype.quiz;

import java.util.List;

import dk.afstemning.talk.Talk;

/**
 * The quiz standings of a talk: every participant's points summed over the current rounds of the talk's quiz polls,
 * highest first (competition ranking: ties share a rank, "1224" style, and are ordered by nickname). Also the body of
 * {@code GET /api/talks/{code}/leaderboard}.
 *
 * @param type always {@code "leaderboard"}
 * @param quizzes the number of quiz polls of the talk
 * @param rows the top {@link #TOP} participants, and everyone tied with the {@link #TOP}-th
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

    /**
     * Reads the standings of the talk (needs a transaction): the top {@link #TOP}, and every player tied with the
     * {@link #TOP}-th, so nobody is dropped at the cut with the same points as someone shown.
     */
    public static Leaderboard of(Talk talk) {
        List<Row> rows = Standings.of(talk).top(TOP).stream()
                .map(p -> new Row(p.rank(), p.nickname(), p.points(), p.correct())).toList();
        int quizzes = (int) dk.afstemning.poll.Poll.count("talk = ?1 and type = ?2 and archived = false", talk,
                QuizType.NAME);
        return new Leaderboard("leaderboard", quizzes, rows);
    }
}
