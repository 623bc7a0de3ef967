package dk.afstemning.reaction;

import static dk.afstemning.reaction.ReactionRoom.KINDS;
import static dk.afstemning.reaction.ReactionRoom.reaction;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.report.Exports;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/** Reactions over the sockets: aggregates to the screens, refusals, {@code reactions: off}, counts per slide kept. */
@QuarkusTest
class ReactionSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    ReactionService reactions;

    @Inject
    ReactionStore store;

    /** A two-slide deck ("Velkommen", then "Hvad tænker I?"), with {@code extra} front matter lines. */
    static String deck(String extra) {
        return "---\ntitle: Reaktioner\nlang: da\n" + extra + "---\n\n# Velkommen\n\nHej\n\n---\n\n# Hvad tænker I?\n\nTekst\n";
    }

    private TalkFixture talk(String extra) {
        Talk talk = importer.importDeck("reactions-" + UUID.randomUUID() + ".md", deck(extra));
        return TalkFixture.of(talk, base);
    }

    private static void goTo(TalkFixture talk, int slide) {
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body(Map.of("slide", slide)).when().put("/api/talks/{code}/show", talk.code).then().statusCode(200);
    }

    /** Every {@code reactions} message {@code screen} gets until {@code total} is reached, waiting at most 5 s. */
    private static List<JsonNode> aggregatesUpTo(SocketClient screen, long total) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = screen.poll(x -> x.path("type").asText().equals("reactions"), Duration.ofMillis(200));
            if (m != null) {
                messages.add(m);
                if (m.path("total").asLong() >= total) {
                    break;
                }
            }
        }
        return messages;
    }

    private static long sumOfCounts(List<JsonNode> messages) {
        long sum = 0;
        for (JsonNode m : messages) {
            for (String kind : KINDS) {
                sum += m.path("counts").path(kind).asLong();
            }
        }
        return sum;
    }

    @Test
    void twoHundredReactionsFromFiftyPhonesReachTheScreensAsAFewAggregatesThatAddUpExactly() throws Exception {
        TalkFixture talk = talk("");
        List<SocketClient> phones = new ArrayList<>();
        try (SocketClient screen = talk.screen(); SocketClient presenter = talk.presenter()) {
            screen.next("slide");
            presenter.next("presence");
            phones = ReactionRoom.phones(talk, 50);
            long start = System.nanoTime();
            ReactionRoom.tapFourEach(phones);

            List<JsonNode> toScreen = aggregatesUpTo(screen, 200);
            long spanMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(sumOfCounts(toScreen)).isEqualTo(200);
            JsonNode last = toScreen.get(toScreen.size() - 1);
            assertThat(last.path("total").asLong()).isEqualTo(200);
            assertThat(last.path("slide").asInt()).isEqualTo(1);
            for (String kind : KINDS) {
                assertThat(last.path("totals").path(kind).asLong()).as(kind).isEqualTo(40);
            }
            // One message per 250 ms at most over the time it took (measured, so a loaded machine changes the bound,
            // not the verdict), and nothing after the last reaction's.
            assertThat(toScreen.size()).isBetween(1, (int) (spanMillis / ReactionService.PUSH_INTERVAL_MS) + 2);
            assertThat(screen.poll(m -> m.path("type").asText().equals("reactions"), Duration.ofMillis(600))).isNull();

            List<JsonNode> toPresenter = aggregatesUpTo(presenter, 200);
            assertThat(sumOfCounts(toPresenter)).isEqualTo(200);
        } finally {
            phones.forEach(SocketClient::close);
        }
    }

    @Test
    void aPhoneOverTheLimitIsRefusedAndItsExtraReactionsAreNotCounted() throws Exception {
        TalkFixture talk = talk("");
        try (SocketClient screen = talk.screen(); SocketClient phone = talk.phone()) {
            screen.next("slide");
            phone.next("state");
            // A finger held on the button: 12 at once, over the burst of 8 (and the refill of 3 a second).
            long start = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                phone.send(reaction("clap"));
            }
            int accepted = 0;
            List<JsonNode> refusals = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                JsonNode answer = ReactionRoom.answer(phone);
                if (answer.path("type").asText().equals("reacted")) {
                    accepted++;
                } else {
                    refusals.add(answer);
                }
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(accepted).isBetween(8, 8 + (int) (millis * 3 / 1000));
            assertThat(refusals).isNotEmpty();
            assertThat(refusals).allSatisfy(e -> {
                assertThat(e.path("problem").asText()).isEqualTo("reaction-rate-limited");
                assertThat(e.path("status").asInt()).isEqualTo(429);
            });
            List<JsonNode> toScreen = aggregatesUpTo(screen, accepted);
            assertThat(sumOfCounts(toScreen)).isEqualTo(accepted);
            assertThat(toScreen.get(toScreen.size() - 1).path("totals").path("clap").asLong()).isEqualTo(accepted);
            assertThat(screen.poll(m -> m.path("type").asText().equals("reactions"), Duration.ofMillis(600))).isNull();
            reactions.flush();
            assertThat(store.byTalk(talk.talk.id).get(0).total()).isEqualTo(accepted);
        }
    }

    @Test
    void anUnknownReactionIsRefusedAndNotCounted() throws Exception {
        TalkFixture talk = talk("");
        try (SocketClient screen = talk.screen(); SocketClient phone = talk.phone()) {
            screen.next("slide");
            phone.next("state");
            phone.send(reaction("poop"));
            JsonNode error = phone.next("error");
            assertThat(error.path("problem").asText()).isEqualTo("unknown-reaction");
            assertThat(error.path("status").asInt()).isEqualTo(400);
            phone.send("{\"type\":\"reaction\",\"reaction\":7}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("unknown-reaction");
            phone.send("{\"type\":\"reaction\"}");
            assertThat(phone.next("error").path("problem").asText()).isEqualTo("unknown-reaction");
            assertThat(phone.isOpen()).isTrue();
            assertThat(screen.poll(m -> m.path("type").asText().equals("reactions"), Duration.ofMillis(700))).isNull();
            reactions.flush();
            assertThat(store.byTalk(talk.talk.id)).isEmpty();
        }
    }

    @Test
    void aDeckWithReactionsOffRefusesThemAndThePhoneShowsNoBar() throws Exception {
        TalkFixture talk = talk("reactions: off\n");
        String token = talk.join();
        try (SocketClient screen = talk.screen(); SocketClient phone = talk.phone(token)) {
            screen.next("slide");
            phone.next("state");
            phone.send(reaction("heart"));
            JsonNode error = phone.next("error");
            assertThat(error.path("problem").asText()).isEqualTo("reactions-off");
            assertThat(error.path("status").asInt()).isEqualTo(403);
            assertThat(screen.poll(m -> m.path("type").asText().equals("reactions"), Duration.ofMillis(700))).isNull();
        }
        String off = given().cookie("afstemning_pid", token).when().get("/t/{code}", talk.code).then().statusCode(200)
                .extract().asString();
        assertThat(Jsoup.parse(off).select(".reaction-bar")).isEmpty();
        TalkFixture other = talk("reactions: on\n");
        String on = given().cookie("afstemning_pid", other.join()).when().get("/t/{code}", other.code).then()
                .statusCode(200).extract().asString();
        assertThat(Jsoup.parse(on).select(".reaction-bar button.reaction").eachAttr("data-reaction"))
                .containsExactlyElementsOf(KINDS);
    }

    @Test
    void countsPerSlideAreStoredInBatchesAndShownOnTheOrganiserPage() throws Exception {
        TalkFixture talk = talk("");
        try (SocketClient screen = talk.screen(); SocketClient a = talk.phone(); SocketClient b = talk.phone()) {
            screen.next("slide");
            a.next("state");
            b.next("state");
            // Slide 1: 3 thumbs-up, 2 hearts.
            ReactionRoom.tap(a, "thumbs-up", "thumbs-up", "heart");
            ReactionRoom.tap(b, "thumbs-up", "heart");
            assertThat(aggregatesUpTo(screen, 5).get(0).path("slide").asInt()).isEqualTo(1);
            goTo(talk, 2);
            a.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 2);
            // Slide 2: 4 claps, 1 thinking.
            ReactionRoom.tap(a, "clap", "clap", "thinking");
            ReactionRoom.tap(b, "clap", "clap");
            List<JsonNode> slide2 = aggregatesUpTo(screen, 5);
            assertThat(slide2.get(slide2.size() - 1).path("slide").asInt()).isEqualTo(2);
            assertThat(slide2.get(slide2.size() - 1).path("totals").path("clap").asLong()).isEqualTo(4);
        }
        // Written within about a second, without waiting for shutdown.
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (store.byTalk(talk.talk.id).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<ReactionStore.SlideReactions> stored = store.byTalk(talk.talk.id);
        assertThat(stored).extracting(ReactionStore.SlideReactions::slide).containsExactly(1, 2);
        assertThat(stored.get(0).counts()).isEqualTo(counts(3, 2, 0, 0, 0));
        assertThat(stored.get(1).counts()).isEqualTo(counts(0, 0, 0, 4, 1));
        assertThat(stored.get(0).title()).isEqualTo("Velkommen");

        Document page = Jsoup.parse(TestLogins.organiser().get("/organiser/talks/{id}?lang=en", talk.talk.id).then()
                .statusCode(200).extract().asString());
        List<List<String>> rows = new ArrayList<>();
        for (Element row : page.select("table.reactions-table tbody tr")) {
            rows.add(row.select("th, td").eachText());
        }
        assertThat(rows).containsExactly(List.of("1. Velkommen", "3", "2", "0", "0", "0", "5"),
                List.of("2. Hvad tænker I?", "0", "0", "0", "4", "1", "5"));

        // The same counts in every export (issue 19 item 3): reactions.csv, the XLSX sheet Reactions and the JSON.
        long id = talk.talk.id;
        byte[] csv = TestLogins.organiser().get("/api/organiser/talks/{id}/reactions.csv", id).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"afstemning-talk-" + id + "-reactions.csv\"")
                .extract().asByteArray();
        List<org.apache.commons.csv.CSVRecord> records = Exports.csv(csv);
        assertThat(records.stream().map(r -> r.values()).toList()).containsExactly(
                new String[] {"talk_id", "talk_title", "slide", "slide_title", "thumbs_up", "heart", "laugh", "clap",
                        "thinking", "total"},
                new String[] {String.valueOf(id), "Reaktioner", "1", "Velkommen", "3", "2", "0", "0", "0", "5"},
                new String[] {String.valueOf(id), "Reaktioner", "2", "Hvad tænker I?", "0", "0", "0", "4", "1", "5"});
        var sheets = Exports.xlsx(TestLogins.organiser().get("/api/organiser/talks/{id}/export.xlsx", id).then()
                .statusCode(200).extract().asByteArray());
        var sheet = sheets.stream().filter(x -> x.name().equals("Reactions")).findFirst().orElseThrow().rows();
        assertThat(sheet).containsExactly(
                List.of("talk_id", "talk_title", "slide", "slide_title", "thumbs_up", "heart", "laugh", "clap",
                        "thinking", "total"),
                List.of((double) id, "Reaktioner", 1.0, "Velkommen", 3.0, 2.0, 0.0, 0.0, 0.0, 5.0),
                List.of((double) id, "Reaktioner", 2.0, "Hvad tænker I?", 0.0, 0.0, 0.0, 4.0, 1.0, 5.0));
        var codebook = sheets.stream().filter(x -> x.name().equals("Codebook")).findFirst().orElseThrow().rows();
        assertThat(codebook.stream().filter(r -> "Reactions".equals(r.get(0))).map(r -> r.get(1)).toList())
                .containsExactly("talk_id", "talk_title", "slide", "slide_title", "thumbs_up", "heart", "laugh", "clap",
                        "thinking", "total");
        var json = TestLogins.organiser().get("/api/organiser/talks/{id}/export.json", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("reactions.slide", Integer.class)).containsExactly(1, 2);
        assertThat(json.getList("reactions.title", String.class)).containsExactly("Velkommen", "Hvad tænker I?");
        assertThat(json.getMap("reactions[0].counts")).isEqualTo(Map.of("thumbs-up", 3, "heart", 2, "laugh", 0,
                "clap", 0, "thinking", 0));
        assertThat(json.getMap("reactions[1].counts")).isEqualTo(Map.of("thumbs-up", 0, "heart", 0, "laugh", 0,
                "clap", 4, "thinking", 1));
        assertThat(json.getList("reactions.total", Integer.class)).containsExactly(5, 5);
    }

    private static Map<String, Long> counts(long... n) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < KINDS.size(); i++) {
            map.put(KINDS.get(i), n[i]);
        }
        return map;
    }
}
