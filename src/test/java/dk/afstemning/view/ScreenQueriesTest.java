package dk.afstemning.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.results.PollResults;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Answer;

/** A screen's read model costs the same number of SQL statements whether the talk has two polls or eight. */
@QuarkusTest
class ScreenQueriesTest {

    @Inject
    DeckImporter importer;

    @Inject
    ParticipantViews participants;

    @Inject
    PresenterViews presenters;

    @Inject
    EntityManagerFactory database;

    @Inject
    dk.afstemning.voting.VoteService votes;

    Statistics statistics;

    /** Statements of the presenter page of a deck of choice polls, at any deck size (measured: 9). */
    private static final long PAGE_STATEMENTS = 9;

    /** Statements of a screen socket's snapshot of a deck of choice polls, at any deck size (measured: 8). */
    private static final long SNAPSHOT_STATEMENTS = 8;

    @BeforeEach
    void countStatements() {
        statistics = database.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    private Talk talkWithPolls(int polls) {
        StringBuilder deck = new StringBuilder("---\ntitle: Mange\nlang: da\n---\n\n# Intro\n");
        for (int i = 1; i <= polls; i++) {
            deck.append("\n---\n\n```poll\nid: q").append(i).append("\nquestion: Spørgsmål ").append(i)
                    .append("?\noptions:\n  - Ja\n  - Nej\n  - Ved ikke\n```\n");
        }
        return importer.importDeck("queries-" + UUID.randomUUID() + ".md", deck.toString());
    }

    /** Statements to build the participant's screen of a talk with {@code polls} polls, the participant having voted in each. */
    private long participantStatements(int polls) {
        Talk talk = talkWithPolls(polls);
        String token = TestTalks.join(talk.joinCode);
        for (int i = 1; i <= polls; i++) {
            TestTalks.open(talk, "q" + i);
        }
        ParticipantView first = participants.of(talk.joinCode, token);
        for (ParticipantView.ParticipantPoll poll : first.polls()) {
            io.restassured.RestAssured.given().cookie("afstemning_pid", token).contentType("application/json")
                    .body("{\"optionId\":" + poll.options().get(0).id() + "}")
                    .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll.id()).then().statusCode(200);
        }
        // Hibernate counts the statements of every thread; the live pushes of the votes just cast may still be running,
        // and they only add. The least of three builds is the screen's own cost.
        awaitQuiet();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            statistics.clear();
            ParticipantView view = participants.of(talk.joinCode, token);
            assertThat(view.polls()).hasSize(polls).allSatisfy(p -> assertThat(p.myOptionId()).isNotNull());
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        return least;
    }

    private long presenterStatements(int polls) {
        return presenterStatements(talkWithPolls(polls), polls, results -> { });
    }

    /**
     * Statements of the presenter page and of a screen's snapshot of the talk (page * 1000 + snapshot), the least of
     * three builds (other threads' statements only add); {@code check} sees each snapshot's results.
     */
    private long presenterStatements(Talk talk, int polls, java.util.function.Consumer<List<PollResults>> check) {
        long page = Long.MAX_VALUE;
        long snapshot = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            statistics.clear();
            PresenterView view = presenters.page(talk.joinCode, null);
            assertThat(view.polls()).hasSize(polls);
            page = Math.min(page, statistics.getPrepareStatementCount());
            statistics.clear();
            List<PollResults> results = presenters.snapshot(talk.joinCode).polls();
            snapshot = Math.min(snapshot, statistics.getPrepareStatementCount());
            check.accept(results);
        }
        return page * 1000 + snapshot;
    }

    /**
     * Statements to build the participant's screen of a talk with {@code polls} multiple-choice and as many word-cloud
     * polls, the participant having answered each: their options and entries are read for all votes at once.
     */
    private long participantStatementsWithChildRows(int polls) {
        StringBuilder deck = new StringBuilder("---\ntitle: Flere\nlang: da\n---\n\n# Intro\n");
        for (int i = 1; i <= polls; i++) {
            deck.append("\n---\n\n```poll\nid: m").append(i).append("\ntype: multiple\nquestion: Hvilke ").append(i)
                    .append("?\noptions:\n  - Ja\n  - Nej\n  - Ved ikke\n```\n");
            deck.append("\n---\n\n```poll\nid: w").append(i).append("\ntype: wordcloud\nquestion: Ord ").append(i)
                    .append("?\n```\n");
        }
        Talk talk = importer.importDeck("children-" + UUID.randomUUID() + ".md", deck.toString());
        String token = TestTalks.join(talk.joinCode);
        for (int i = 1; i <= polls; i++) {
            TestTalks.open(talk, "m" + i);
            TestTalks.open(talk, "w" + i);
        }
        for (ParticipantView.ParticipantPoll poll : participants.of(talk.joinCode, token).polls()) {
            String body = poll.type().equals("multiple")
                    ? "{\"optionIds\":[" + poll.options().get(0).id() + "," + poll.options().get(2).id() + "]}"
                    : "{\"texts\":[\"tillid\",\"tid\"]}";
            io.restassured.RestAssured.given().cookie("afstemning_pid", token).contentType("application/json")
                    .body(body).post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll.id()).then()
                    .statusCode(200);
        }
        awaitQuiet();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) { // the least of three: other threads' statements only add
            statistics.clear();
            ParticipantView view = participants.of(talk.joinCode, token);
            assertThat(view.polls()).hasSize(2 * polls).allSatisfy(p -> assertThat(p.myAnswer()).isNotNull());
            assertThat(view.polls().stream().filter(p -> p.type().equals("wordcloud")))
                    .allSatisfy(p -> assertThat(p.entryFields()).containsExactly("tillid", "tid", ""));
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        return least;
    }

    /**
     * Waits (at most 10 s) until no other thread runs statements for 700 ms: the live pushes after the votes just
     * cast (results read every 100 ms for screens, every 500 ms for phones) would otherwise land in the count.
     */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            statistics.clear();
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (statistics.getPrepareStatementCount() == 0) {
                return;
            }
        }
    }

    @Test
    void theParticipantScreenReadsTheOptionsAndEntriesOfAllItsVotesAtOnce() {
        assertThat(participantStatementsWithChildRows(4)).isEqualTo(participantStatementsWithChildRows(1));
    }

    @Test
    void theParticipantScreenReadsPollsOptionsAndVotesOnceEach() {
        assertThat(participantStatements(8)).isEqualTo(participantStatements(2));
    }

    @Test
    void theRoomScreenReadsSlidesPollsAndOptionsOnceEach() {
        long two = presenterStatements(2);
        long eight = presenterStatements(8);
        assertThat(eight / 1000).as("page").isEqualTo(two / 1000);
        assertThat(eight % 1000).as("snapshot").isEqualTo(two % 1000);
    }

    /**
     * Issue 21, item 3: the counts of a deck's choice polls are read for all polls at once (votes and kept tallies,
     * one statement each), so the room screen of a 100-poll deck costs what one of two polls costs.
     */
    @Test
    void theRoomScreenOfA100PollDeckCostsAsManyStatementsAsOneOfTwoPolls() {
        long two = presenterStatements(2);
        long hundred = presenterStatements(100);
        assertThat(hundred).isEqualTo(two);
        assertThat(List.of(hundred / 1000, hundred % 1000)).as("page, snapshot")
                .containsExactly(PAGE_STATEMENTS, SNAPSHOT_STATEMENTS);
    }

    /** The batched counts are each poll's own, of its current round only. */
    @Test
    void batchedCountsAreEachPollsOwnInItsCurrentRound() {
        Talk talk = talkWithPolls(100);
        TestTalks.open(talk, "q2");
        TestTalks.open(talk, "q99");
        List<String> voters = List.of(TestTalks.join(talk.joinCode), TestTalks.join(talk.joinCode));
        List<PollResults> before = presenters.snapshot(talk.joinCode).polls();
        long q2b = before.get(1).counts().get(1).optionId();
        long q99a = before.get(98).counts().get(0).optionId();
        vote(talk, "q2", voters.get(0), q2b);
        vote(talk, "q99", voters.get(0), q99a);
        // round 2 of q2 starts empty; its round-1 vote stays in round 1
        TestTalks.presenter(talk, "post", "/polls/q2/reset", null);
        vote(talk, "q2", voters.get(1), q2b);
        vote(talk, "q99", voters.get(1), q99a);

        List<PollResults> after = presenters.snapshot(talk.joinCode).polls();
        assertThat(after).hasSize(100);
        assertThat(after.get(1).round()).isEqualTo(2);
        assertThat(after.get(1).counts()).extracting(PollResults.OptionCount::count).containsExactly(0L, 1L, 0L);
        assertThat(after.get(98).counts()).extracting(PollResults.OptionCount::count).containsExactly(2L, 0L, 0L);
        assertThat(after.get(0).total()).isZero();
        assertThat(after.stream().mapToLong(PollResults::total).sum()).isEqualTo(3);
    }

    /**
     * Statements of the presenter page of a deck of every poll type, at any deck size (measured: 29): the 9 of a
     * choice deck, and two each (stored rows, kept tallies) for the counts of multiple and quiz, the details of scale,
     * slider, ranking, word cloud, open and the closed quizzes, and the voters of the types whose total is not the sum
     * of their counts; the leaderboard (closed quizzes) two.
     */
    private static final long MIXED_PAGE_STATEMENTS = 29;

    /** Statements of a screen socket's snapshot of a deck of every poll type, at any deck size (measured: 28). */
    private static final long MIXED_SNAPSHOT_STATEMENTS = 28;

    /** One poll of each type (choice, multiple, scale, slider, ranking, word cloud, open, quiz); %1$d numbers them. */
    private static final String EVERY_TYPE = """

            ---

            ```poll
            id: c%1$d
            question: Valg %1$d?
            options: [Ja, Nej]
            ```

            ---

            ```poll
            id: m%1$d
            type: multiple
            question: Hvilke %1$d?
            options: [Forskning, Kolleger, Egen erfaring]
            ```

            ---

            ```poll
            id: s%1$d
            type: scale
            question: Hvor enig %1$d?
            min: 1
            max: 5
            ```

            ---

            ```poll
            id: g%1$d
            type: slider
            question: Hvor %1$d?
            low: forskning
            high: praksis
            ```

            ---

            ```poll
            id: r%1$d
            type: ranking
            question: Ordn dem %1$d
            options: [A, B, C]
            ```

            ---

            ```poll
            id: w%1$d
            type: wordcloud
            question: Ord %1$d?
            ```

            ---

            ```poll
            id: o%1$d
            type: open
            question: Hvad mener du %1$d?
            ```

            ---

            ```poll
            id: k%1$d
            type: quiz
            question: Hvor mange %1$d?
            options:
              - id: tre
                text: '3'
              - id: syv
                text: '7'
            correct: syv
            ```
            """;

    /**
     * Page and snapshot statements (page * 1000 + snapshot) of a deck of {@code polls} polls of the eight types in
     * turn, all opened and answered once, its quizzes then closed (so their details and the leaderboard are read).
     */
    private long mixedStatements(int polls) {
        String[] types = EVERY_TYPE.strip().substring("---".length()).strip().split("\n\n---\n\n");
        assertThat(types).hasSize(8);
        StringBuilder deck = new StringBuilder("---\ntitle: Alle typer\nlang: da\n---\n\n# Intro\n");
        for (int i = 0; i < polls; i++) {
            deck.append("\n---\n\n").append(types[i % 8].formatted(1 + i / 8).strip()).append('\n');
        }
        Talk talk = importer.importDeck("mixed-" + UUID.randomUUID() + ".md", deck.toString());
        String token = TestTalks.join(talk.joinCode);
        io.restassured.RestAssured.given().cookie("afstemning_pid", token).contentType("application/json")
                .body("{\"nickname\":\"Ib\"}").put("/api/talks/{code}/nickname", talk.joinCode).then().statusCode(200);
        List<ParticipantView.ParticipantPoll> all = participants.of(talk.joinCode, token).polls();
        assertThat(all).hasSize(polls);
        all.forEach(poll -> TestTalks.open(talk, poll.id()));
        for (ParticipantView.ParticipantPoll poll : all) {
            List<Long> ids = poll.options().stream().map(ParticipantView.Option::id).toList();
            // Straight to the service: a hundred answers in a row would meet the per-participant vote limit.
            votes.cast(talk.joinCode, poll.id(), token, switch (poll.type()) {
                case "multiple" -> Answer.of(null, List.of(ids.get(0)), null, null);
                case "scale", "slider" -> Answer.of(null, null, 3, null);
                case "ranking" -> Answer.of(null, List.of(ids.get(2), ids.get(0), ids.get(1)), null, null);
                case "wordcloud", "open" -> Answer.of(null, null, null, List.of("tillid"));
                default -> Answer.of(ids.get(1), null, null, null);
            }, null);
        }
        all.stream().filter(p -> p.type().equals("quiz"))
                .forEach(p -> TestTalks.presenter(talk, "post", "/polls/" + p.id() + "/close", null));
        awaitQuiet();
        return presenterStatements(talk, polls, results -> {
            assertThat(results).hasSize(polls).allSatisfy(r -> assertThat(r.total()).as(r.pollId()).isEqualTo(1));
            assertThat(results).allSatisfy(r -> assertThat(r.resultsVisible()).as(r.pollId()).isTrue());
        });
    }

    /**
     * Issue 21, item 3: every poll type reads its results for all polls of the deck at once (counts, values, places,
     * words, texts, voters; the quiz's leaderboard once), so a 100-poll deck of all eight types costs the statements
     * of a deck with one poll of each.
     */
    @Test
    void theRoomScreenOfADeckOfEveryTypeCostsTheSameAtAnySize() {
        long eight = mixedStatements(8);
        long big = mixedStatements(100);
        assertThat(List.of(big / 1000, big % 1000)).as("page, snapshot of 100 polls")
                .containsExactly(eight / 1000, eight % 1000);
        assertThat(List.of(big / 1000, big % 1000)).as("page, snapshot")
                .containsExactly(MIXED_PAGE_STATEMENTS, MIXED_SNAPSHOT_STATEMENTS);
    }

    private static void vote(Talk talk, String poll, String token, long optionId) {
        io.restassured.RestAssured.given().cookie("afstemning_pid", token).contentType("application/json")
                .body("{\"optionId\":" + optionId + "}")
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll).then().statusCode(200);
    }
}
