package dk.afstemning.web;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.talk.Talk;

/**
 * Every page, in every state worth seeing, that the accessibility audits check and screenshot in both languages at
 * phone and projector size. Add a page here when you add one to the app; its name becomes the screenshot's name
 * ({@code target/screenshots/<name>-<lang>-<size>.png}).
 */
final class AuditedPages {

    /**
     * A page in one state.
     *
     * @param name short name, used in test and screenshot names
     * @param prepare brings a fresh talk ({@link TestTalks#create}: slide 1 a title, slide 2 poll {@code q}) into
     *        the state and returns the page's path, without {@code lang}
     * @param ready waits in the loaded page until it shows the state (a live socket open, a vote confirmed, …)
     * @param organiser the page needs an organiser login: the browser logs in with the form first
     */
    record AuditedPage(String name, Function<Talk, String> prepare, Consumer<WebDriver> ready, boolean organiser) {

        AuditedPage(String name, Function<Talk, String> prepare, Consumer<WebDriver> ready) {
            this(name, prepare, ready, false);
        }
    }

    private static final Consumer<WebDriver> LOADED = browser -> {
    };

    static final List<AuditedPage> ALL = List.of(
            new AuditedPage("join", talk -> "/", LOADED),
            new AuditedPage("participant-waiting", talk -> "/t/" + talk.joinCode, Chromium::awaitLive),
            new AuditedPage("participant-open", talk -> {
                openOnScreen(talk);
                return "/t/" + talk.joinCode;
            }, Chromium::awaitLive),
            new AuditedPage("participant-voted", talk -> {
                openOnScreen(talk);
                return "/t/" + talk.joinCode;
            }, AuditedPages::voteForTheFirstOption),
            new AuditedPage("presenter", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/present/" + talk.joinCode + "?key=" + talk.presenterKey;
            }, Chromium::awaitLive),
            new AuditedPage("presenter-dark", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/present/" + talk.joinCode + "?key=" + talk.presenterKey;
            }, AuditedPages::pressTForDark),
            new AuditedPage("presenter-follow", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/present/" + talk.joinCode;
            }, Chromium::awaitLive),
            new AuditedPage("presenter-console", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/present/" + talk.joinCode + "/console?key=" + talk.presenterKey;
            }, Chromium::awaitLive),
            new AuditedPage("embed", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/embed/" + talk.joinCode + "/q";
            }, Chromium::awaitLive),
            new AuditedPage("login", talk -> "/login", LOADED),
            new AuditedPage("organiser", talk -> "/organiser", LOADED, true),
            new AuditedPage("organiser-talk", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/organiser/talks/" + talk.id;
            }, LOADED, true),
            new AuditedPage("organiser-question", talk -> {
                openOnScreen(talk);
                someVotes(talk);
                return "/organiser/questions/q";
            }, LOADED, true),
            // The deck editor with its poll form open.
            new AuditedPage("deck-editor", talk -> "/organiser/talks/" + talk.joinCode + "/deck?add=1", LOADED, true));

    private AuditedPages() {
    }

    /** The path with {@code lang=} added. */
    static String withLang(String path, String lang) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** Moves the show to the poll slide and opens the poll. */
    static void openOnScreen(Talk talk) {
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body("{\"slide\":2}")
                .when().put("/api/talks/{code}/show", talk.joinCode).then().statusCode(200);
        TestTalks.open(talk, "q");
    }

    /** Three votes over REST (two for the first option, one for the second), so that the bars show something. */
    static void someVotes(Talk talk) {
        List<Integer> options = TestTalks.optionIds(talk.joinCode);
        for (int option : List.of(options.get(0), options.get(0), options.get(1))) {
            TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), option, null).statusCode(200);
        }
    }

    /** The presenter's T key: the dark projector theme (remembered in the browser, so it is switched back after). */
    private static void pressTForDark(WebDriver presenter) {
        Chromium.awaitLive(presenter);
        Chromium.js(presenter).executeScript("localStorage.removeItem('afstemning-theme')");
        new Actions(presenter).sendKeys("t").perform();
        Chromium.await(presenter, Chromium.TIMEOUT, "theme", b -> b.findElement(By.tagName("html"))
                .getAttribute("data-theme"), Chromium.js(presenter).executeScript(
                        "return matchMedia('(prefers-color-scheme: dark)').matches") == Boolean.TRUE ? "light" : "dark");
        Chromium.js(presenter).executeScript("localStorage.removeItem('afstemning-theme')");
    }

    private static void voteForTheFirstOption(WebDriver phone) {
        Chromium.awaitLive(phone);
        phone.findElement(By.cssSelector("section.poll:not([hidden]) button.option")).click();
        Chromium.await(phone, Chromium.TIMEOUT, "chosen option", b -> b
                .findElements(By.cssSelector("section.poll:not([hidden]) button.option[aria-pressed=true]")).size(), 1);
        Chromium.await(phone, Chromium.TIMEOUT, "confirmation shown", b -> !b
                .findElement(By.cssSelector("section.poll:not([hidden]) .confirmation")).getText().isEmpty(), true);
    }
}
