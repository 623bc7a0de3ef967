package dk.afstemning.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.AtOnce;

/** Instances starting at once on one database: every one starts, and the slides folder's talk exists once. */
@QuarkusTest
class SeedOnceTest {

    @Inject
    Startup startup;

    @Test
    void twoInstancesSeedingAtOnceImportTheDeckOnce() throws Exception {
        Path folder = Files.createTempDirectory("afstemning-seed");
        String file = "seed-" + UUID.randomUUID() + ".md";
        Files.writeString(folder.resolve(file), TestTalks.deck("Seed talk", List.of("Ja", "Nej")));
        List<Long> talkIds = new ArrayList<>();
        for (Startup.Seeded seeded : AtOnce.run(2, i -> () -> startup.seed(folder))) {
            assertThat(seeded.report().errors()).isEmpty();
            assertThat(seeded.report().talks()).hasSize(1);
            talkIds.add(seeded.report().talks().get(0).id);
        }
        assertThat(talkIds.get(1)).isEqualTo(talkIds.get(0));
        long talks = QuarkusTransaction.requiringNew().call(() -> {
            DeckEntity deck = DeckEntity.findByFolderFile(file).orElseThrow();
            return (long) Talk.listByDeck(deck).size();
        });
        assertThat(talks).isEqualTo(1);
    }
}
