package dk.afstemning.polltype.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The leaderboard's cut: competition ranking, and nobody tied with the 10th is dropped. */
class StandingsTest {

    private static Standings standings(long... points) {
        List<Standings.Player> players = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < points.length; i++) {
            if (i == 0 || points[i] != points[i - 1]) {
                rank = i + 1;
            }
            players.add(new Standings.Player(i + 1, "P" + (i + 1), points[i], points[i] > 0 ? 1 : 0, rank));
        }
        return new Standings(players);
    }

    @Test
    void theTopTenKeepsEveryoneTiedWithTheTenth() {
        Standings s = standings(900, 800, 800, 700, 600, 500, 400, 300, 200, 100, 100, 100, 50);
        assertThat(s.top(10)).extracting(Standings.Player::rank)
                .containsExactly(1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 10, 10);
    }

    @Test
    void theTopTenStopsAtTenWhenTheEleventhHasFewerPoints() {
        Standings s = standings(900, 800, 700, 600, 500, 400, 300, 200, 100, 90, 80);
        assertThat(s.top(10)).extracting(Standings.Player::points)
                .containsExactly(900L, 800L, 700L, 600L, 500L, 400L, 300L, 200L, 100L, 90L);
    }

    @Test
    void fewerThanTenPlayersAreAllShown() {
        assertThat(standings(500, 500, 0).top(10)).extracting(Standings.Player::rank).containsExactly(1, 1, 3);
    }
}
