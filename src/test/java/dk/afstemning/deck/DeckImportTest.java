package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.Talk;

/** Importing decks into talks: the seed talk, idempotent re-imports, kept votes, and broken decks. */
@QuarkusTest
class DeckImportTest {

    private static final String SEED = "ledelse-i-en-frisat-kommune.md";

    @Inject
    DeckImporter importer;

    @Test
    @Transactional
    void seedTalkIsImportedAtStartWithAReadableJoinCode() {
        List<Talk> seeds = Talk.list("deck.folderFile", SEED);
        assertThat(seeds).hasSize(1);
        Talk talk = seeds.get(0);
        assertThat(talk.title).isEqualTo("Ledelse i en frisat kommune – Perspektiver og erfaringer");
        assertThat(talk.joinCode).hasSize(6).matches("[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}")
                .doesNotContain("0", "O", "1", "I");
        assertThat(talk.presenterKey).hasSize(43);
        Poll poll = Poll.findByTalkAndKey(talk, "afstemning").orElseThrow();
        assertThat(PollOption.listActiveByPoll(poll)).extracting(o -> o.text).containsExactly(
                "Jeg får mest værdi ud af den forskningsmæssige viden.",
                "Jeg får mest værdi ud af de praktisk baserede erfaringer fra frikommunerne.");
    }

    @Test
    void importingTheSeedFolderAgainCreatesNoDuplicatesAndKeepsCodeKeyAndOptions() throws Exception {
        Talk before = talk(SEED);
        List<Long> optionsBefore = optionIds(before);
        DeckImporter.Report report = importer.importFolder(Path.of("slides"));
        assertThat(report.errors()).isEmpty();
        Talk after = talk(SEED);
        assertThat(after.id).isEqualTo(before.id);
        assertThat(after.joinCode).isEqualTo(before.joinCode);
        assertThat(after.presenterKey).isEqualTo(before.presenterKey);
        assertThat(optionIds(after)).isEqualTo(optionsBefore);
        assertThat(count(SEED)).isEqualTo(1);
    }

    @Test
    void reimportKeepsVotesAndArchivesRemovedPolls() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        String token = TestTalks.join(talk.joinCode);
        int option = TestTalks.optionIds(talk.joinCode).get(1);
        TestTalks.vote(talk.joinCode, token, option, "r-1").statusCode(200);

        importer.importDeck(talk.deck.folderFile, TestTalks.deck("Testtalk v2",
                List.of("Forskningsmæssig viden", "Praktiske erfaringer", "Ved ikke")));
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 1, 0);

        importer.importDeck(talk.deck.folderFile, "---\ntitle: Uden afstemning\n---\n\n# Kun tekst\n");
        assertThat(archived(talk.deck.folderFile, "q")).isTrue();
        importer.importDeck(talk.deck.folderFile, TestTalks.deck("Testtalk v3",
                List.of("Forskningsmæssig viden", "Praktiske erfaringer", "Ved ikke")));
        assertThat(archived(talk.deck.folderFile, "q")).isFalse();
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 1, 0);

        // Rewording the voted option (no explicit id) archives it: its vote stays stored but counts in no bar or total.
        importer.importDeck(talk.deck.folderFile, TestTalks.deck("Testtalk v4",
                List.of("Forskningsmæssig viden", "Praktisk erfaring", "Ved ikke")));
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 0, 0);
        io.restassured.RestAssured.given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then()
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aBrokenDeckIsReportedWithFileAndLineAndTheOthersStillLoad(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a-broken-" + System.nanoTime() + ".md"),
                "# A\n\n---\n\n```poll\nid: q\nquestion: Q?\noptions: [a, b]\nshuffle: yes\n```\n");
        String good = "b-good-" + System.nanoTime() + ".md";
        Files.writeString(folder.resolve(good), TestTalks.deck("God", List.of("Ja", "Nej")));
        DeckImporter.Report report = importer.importFolder(folder);
        assertThat(report.talks()).extracting(t -> t.deck.folderFile).containsExactly(good);
        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0)).matches("a-broken-\\d+\\.md:9: unknown key 'shuffle' in poll block.*");
    }

    @Test
    void joinCodesUseOnlyUnambiguousCharacters() {
        for (int i = 0; i < 1000; i++) {
            assertThat(JoinCodes.next()).matches("[2-9A-HJKMNP-TW-Z]{6}");
        }
        assertThat(JoinCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(JoinCodes.normalize(" htp-ddw ")).isEqualTo("HTPDDW");
    }

    private static Talk talk(String deckFile) {
        return QuarkusTransaction.requiringNew().call(() -> Talk.findFirstByFolderFile(deckFile).orElseThrow());
    }

    private static long count(String deckFile) {
        return QuarkusTransaction.requiringNew().call(() -> Talk.count("deck.folderFile", deckFile));
    }

    private static List<Long> optionIds(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Poll poll = Poll.findByTalkAndKey(Talk.findById(talk.id), "afstemning").orElseThrow();
            return PollOption.listActiveByPoll(poll).stream().map(o -> o.id).toList();
        });
    }

    private static boolean archived(String deckFile, String pollKey) {
        return QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(
                Talk.findFirstByFolderFile(deckFile).orElseThrow(), pollKey).orElseThrow().archived);
    }
}
