package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** The HTML pages over HTTP: join form, participant page, presenter screen, languages and page weight. */
@QuarkusTest
class PageTest {

    @Inject
    DeckImporter importer;

    @Test
    void theFrontPageIsAJoinForm() {
        given().header("Accept-Language", "da").get("/").then().statusCode(200)
                .body(containsString("<form method=\"get\" action=\"/join\""))
                .body(containsString("Skriv koden, du ser på skærmen"));
        given().header("Accept-Language", "en-GB,en;q=0.8").get("/").then().statusCode(200)
                .body(containsString("Enter the code you see on the screen"));
    }

    @Test
    void joiningByCodeLeadsToTheParticipantPageWhateverTheCaseAndDashes() {
        Talk talk = TestTalks.create(importer);
        String typed = talk.joinCode.substring(0, 3).toLowerCase() + "-" + talk.joinCode.substring(3).toLowerCase();
        given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .queryParam("code", typed).get("/join").then().statusCode(303)
                .header("Location", containsString("/t/" + talk.joinCode));
        given().queryParam("code", "OOOOOO").header("Accept-Language", "en").get("/join").then().statusCode(404)
                .body(containsString("We don&#39;t know the code OOOOOO"));
    }

    @Test
    void theParticipantPageGivesARandomIdentityCookieAndNoLogin() {
        Talk talk = TestTalks.create(importer);
        Response first = given().get("/t/{c}", talk.joinCode);
        first.then().statusCode(200).body(containsString("Hvad mener du?"))
                .body(containsString("data-option-id="));
        String token = first.getCookie("afstemning_pid");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.getDetailedCookie("afstemning_pid").isHttpOnly()).isTrue();
        Response again = given().cookie("afstemning_pid", token).get("/t/{c}", talk.joinCode);
        assertThat(again.getCookie("afstemning_pid")).isEqualTo(token);
    }

    @Test
    void aReloadShowsTheCurrentVote() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        String token = TestTalks.join(talk.joinCode);
        int option = TestTalks.optionIds(talk.joinCode).get(1);
        TestTalks.vote(talk.joinCode, token, option, "r-1").statusCode(200);
        String page = given().cookie("afstemning_pid", token).header("Accept-Language", "da")
                .get("/t/{c}", talk.joinCode).then().statusCode(200).extract().asString();
        assertThat(page).containsPattern("data-option-id=\"" + option + "\"\\s+aria-pressed=\"true\"")
                .contains("Din stemme er modtaget");
        String english = given().cookie("afstemning_pid", token).header("Accept-Language", "en")
                .get("/t/{c}", talk.joinCode).then().extract().asString();
        assertThat(english).contains("Your vote was received").contains("<html lang=\"en\">");
    }

    @Test
    void theParticipantPageAndItsScriptsWeighUnder50KilobytesGzipped() {
        Talk talk = TestTalks.create(importer);
        // Everything a first visit loads: the page, its style sheets and scripts, the modules they import and any
        // font or image the style sheets name, each as served with Accept-Encoding: gzip.
        Deque<String> queue = new ArrayDeque<>(List.of("/t/" + talk.joinCode));
        Set<String> loaded = new LinkedHashSet<>();
        long total = 0;
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!loaded.add(path)) {
                continue;
            }
            Response r = given().config(RestAssuredConfig.config().decoderConfig(
                    DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "gzip").get(path);
            r.then().statusCode(200);
            total += r.asByteArray().length;
            String text = given().get(path).asString();
            Matcher refs = Pattern.compile(
                    "(?:<script[^>]*\\ssrc=\"|<link[^>]*\\shref=\"|\\bfrom\\s*'|\\bimport\\s*'|url\\(['\"]?)([^\"')]+)")
                    .matcher(text);
            while (refs.find()) {
                String ref = refs.group(1);
                if (!ref.startsWith("data:") && !ref.startsWith("http")) {
                    queue.add(URI.create("http://x" + path).resolve(ref).getPath());
                }
            }
        }
        System.out.printf("PageTest: first load of the participant page %d bytes gzipped: %s%n", total, loaded);
        assertThat(loaded).contains("/css/app.css", "/js/participant.js", "/js/live.js", "/js/announce.js");
        assertThat(total).isLessThan(50 * 1024);
    }

    @Test
    void theLanguageSwitchSetsACookieThatWinsOverTheBrowsersLanguage() {
        Response chosen = given().header("Accept-Language", "en").queryParam("lang", "da").get("/");
        chosen.then().statusCode(200).body(containsString("Skriv koden, du ser på skærmen"));
        assertThat(chosen.getDetailedCookie("lang").getValue()).isEqualTo("da");
        assertThat(chosen.getDetailedCookie("lang").getMaxAge()).isEqualTo(365L * 24 * 3600);
        assertThat(chosen.getDetailedCookie("lang").getPath()).isEqualTo("/");
        String page = given().header("Accept-Language", "en").cookie("lang", "da").get("/").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<html lang=\"da\">", "Skriv koden, du ser på skærmen",
                "<nav class=\"lang\" aria-label=\"Sprog\"><a href=\"/?lang=da\" lang=\"da\" hreflang=\"da\" aria-current=\"true\">Dansk</a>"
                        + " <a href=\"/?lang=en\" lang=\"en\" hreflang=\"en\">English</a></nav>");
        given().header("Accept-Language", "da").cookie("lang", "en").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("aria-current=\"true\">English</a>"));
        // The projector speaks the deck's language (Danish here), whatever the laptop's cookie says.
        Talk talk = TestTalks.create(importer);
        given().cookie("lang", "en").get("/present/{c}", talk.joinCode).then().statusCode(200)
                .body(containsString("<html lang=\"da\">"));
    }

    @Test
    void datesAndNumbersAreWrittenAsTheLanguageWritesThem() {
        Talk seed = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Talk.findFirstByFolderFile("ledelse-i-en-frisat-kommune.md").orElseThrow());
        given().queryParam("lang", "da").get("/t/{c}", seed.joinCode).then().statusCode(200)
                .body(containsString("<time datetime=\"2022-11-02\">2. november 2022</time>"));
        given().queryParam("lang", "en").get("/t/{c}", seed.joinCode).then().statusCode(200)
                .body(containsString("<time datetime=\"2022-11-02\">2 November 2022</time>"));
        Locale da = Locale.forLanguageTag("da");
        assertThat(LocaleFormats.number(1234.5, da)).isEqualTo("1.234,5");
        assertThat(LocaleFormats.number(1234.5, Locale.ENGLISH)).isEqualTo("1,234.5");
        assertThat(LocaleFormats.percent(67, da)).isEqualTo("67\u00a0%");
        assertThat(LocaleFormats.percent(67, "en")).isEqualTo("67%");
        assertThat(LocaleFormats.longDate(LocalDate.of(2022, 11, 2), da)).isEqualTo("2. november 2022");
        assertThat(LocaleFormats.longDate(LocalDate.of(2022, 11, 2), "en")).isEqualTo("2 November 2022");
    }

    @Test
    void theAudienceScreenShowsJoinUrlAndQrCodeAndNoPollControlsWithOrWithoutTheKey() {
        Talk talk = TestTalks.create(importer);
        String withKey = given().queryParam("key", talk.presenterKey).get("/present/{c}", talk.joinCode).then()
                .statusCode(200).extract().asString();
        assertThat(withKey).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"",
                "/t/" + talk.joinCode, "data-key=\"" + talk.presenterKey + "\"", "Hvad mener du?", "Ikke åbnet endnu",
                "class=\"console-button\"", "data-href=\"/present/" + talk.joinCode + "/console?key=" + talk.presenterKey
                        + "&amp;lang=da\"", "data-overlay=\"join\"");
        // Poll controls and moderation live in the speaker console, never on the room's screen.
        assertThat(withKey).doesNotContain("class=\"open-poll\"", "countdown-seconds", "class=\"moderation\"",
                "qa-moderated", "qa-queue", "deck-footer");
        String withoutKey = given().get("/present/{c}", talk.joinCode).then().statusCode(200).extract().asString();
        assertThat(withoutKey).doesNotContain("class=\"open-poll\"", "console-button", "class=\"prev\"", "data-key=",
                talk.presenterKey).contains("class=\"join-screen\"", "class=\"fullscreen-toggle\"");
        // A wrong key is a mistyped presenter link: the page says so instead of a screen whose keys do nothing.
        given().header("Accept-Language", "da").queryParam("key", "wrong").get("/present/{c}", talk.joinCode).then()
                .statusCode(403).body(containsString("Kræver præsentationsnøglen")).body(not(containsString("data-key=")));
    }

    /**
     * The audience screen shows the room the vote total, with or without the key; how many participants are connected
     * is the speaker console's figure (the public screen feed, which the audience screen listens to, does not carry it).
     */
    @Test
    void theAudienceScreenShowsTheVoteTotalAndNotTheParticipantsConnected() {
        Talk talk = TestTalks.create(importer);
        String withKey = given().header("Accept-Language", "da").queryParam("key", talk.presenterKey)
                .get("/present/{c}", talk.joinCode).then().statusCode(200).extract().asString();
        String followOnly = given().header("Accept-Language", "da").get("/present/{c}", talk.joinCode).then()
                .statusCode(200).extract().asString();
        for (String page : List.of(withKey, followOnly)) {
            assertThat(page).contains("<p class=\"totals\">Stemmer: <strong class=\"total\">0</strong></p>")
                    .doesNotContain("Deltagere forbundet", "class=\"participants\"");
        }
    }

    @Test
    void theSeedTalksPresenterScreenStartsOnTheShowsCurrentSlide() {
        String code = given().get("/api/talks/{c}", "ZZZZZZ").then().statusCode(404).extract().path("status")
                .toString();
        assertThat(code).isEqualTo("404");
        Talk seed = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Talk.findFirstByFolderFile("ledelse-i-en-frisat-kommune.md").orElseThrow());
        // The screen starts on the show's current slide on the server; ?slide= picks another.
        int current = given().get("/api/talks/{c}/show", seed.joinCode).then().statusCode(200).extract().path("slide");
        String page = given().get("/present/{c}", seed.joinCode).then().statusCode(200).extract().asString();
        assertThat(page).contains("data-start=\"" + current + "\"", "Hvad får du mest værdi ud af?",
                "Jeg får mest værdi ud af den forskningsmæssige viden.", "<td>Frikommuneforsøg III</td>");
        assertThat(given().queryParam("slide", 7).get("/present/{c}", seed.joinCode).then().statusCode(200)
                .extract().asString()).contains("data-start=\"7\"");
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
        Talk talk = TestTalks.create(importer);
        for (String path : new String[] {"/", "/t/" + talk.joinCode, "/present/" + talk.joinCode}) {
            Response page = given().get(path);
            assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self';", "frame-ancestors 'self'",
                    "object-src 'none'");
            assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.asString()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void anUnknownCodeIsEchoedShortened() {
        given().queryParam("code", "X".repeat(3000)).header("Accept-Language", "en").get("/join").then().statusCode(404)
                .body(containsString("We don&#39;t know the code XXXXXXXXXXXX….")).body(not(containsString("X".repeat(13))));
    }
}
