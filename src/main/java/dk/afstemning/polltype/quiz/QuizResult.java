package dk.afstemning.polltype.quiz;

import java.util.Map;

/**
 * A phone's own result of a closed quiz question, the live message {@code quiz-result}: sent to each participant's
 * phone when the question closes and part of the phone's snapshot on (re)connecting.
 *
 * @param type always {@code "quiz-result"}
 * @param pollId the quiz poll's deck id
 * @param round the round these results are of
 * @param answered whether the participant answered this question in this round
 * @param correct whether that answer was right (false when not answered)
 * @param points points earned in this question (0 for a wrong answer or none)
 * @param totalPoints the participant's total over the talk's quiz questions (current rounds)
 * @param rank the participant's place by total points, competition ranking (1, 2, 2, 4); null when not a player
 * @param players how many participants have answered any quiz question of the talk
 */
public record QuizResult(String type, String pollId, int round, boolean answered, boolean correct, long points,
        long totalPoints, Integer rank, int players) {

    /** The result of participant {@code participantId}, from the talk's standings and this question's points. */
    static QuizResult of(String pollId, int round, Map<Long, Standings.Player> players, Map<Long, Long> points,
            long participantId) {
        Long earned = points.get(participantId);
        Standings.Player player = players.get(participantId);
        return new QuizResult("quiz-result", pollId, round, earned != null, earned != null && earned > 0,
                earned == null ? 0 : earned, player == null ? 0 : player.points(),
                player == null ? null : player.rank(), players.size());
    }
}
