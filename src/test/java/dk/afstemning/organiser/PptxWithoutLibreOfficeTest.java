package dk.afstemning.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.TestPdfs;
import dk.afstemning.deck.TestPptx;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * A server without LibreOffice ({@code afstemning.pptx.soffice} names a program that is not there): a {@code .pptx}
 * alone is refused with the advice to upload its PDF, in Danish on the dashboard, and nothing is stored; the
 * {@code .pptx} with its PDF still becomes a talk with the notes.
 */
@QuarkusTest
@TestProfile(PptxWithoutLibreOfficeTest.NoLibreOffice.class)
class PptxWithoutLibreOfficeTest {

    public static class NoLibreOffice implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("afstemning.pptx.soffice", "/nonexistent/libreoffice/soffice");
        }
    }

    @Test
    void aPresentationAloneIsRefusedWithTheAdviceToUploadItsPdfAndWithItsPdfItIsAccepted() {
        long decks = QuarkusTransaction.requiringNew().call(() -> DeckEntity.count());
        TestLogins.csrf(TestLogins.organiser()).multiPart("deck", "foredrag.pptx", TestPptx.deck(3),
                "application/octet-stream").post("/api/decks").then().statusCode(422)
                .body("type", endsWith(":pptx-conversion-unavailable"))
                .body("detail", equalTo("This server cannot turn foredrag.pptx into slides (LibreOffice is not "
                        + "installed); export the deck as PDF (File → Export → PDF) and upload that, or upload the "
                        + ".pptx and its PDF together to keep the speaker notes"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeckEntity.count())).isEqualTo(decks);
        String page = TestLogins.organiser().get("/organiser?lang=da").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).getElementById("upload-problems").attr("data-pptx-conversion-unavailable"))
                .isEqualTo("Serveren kan ikke omdanne PowerPoint-filer. Eksportér diassættet som PDF (Filer → "
                        + "Eksportér → PDF), og upload den, eller vælg .pptx-filen og dens PDF sammen for at beholde "
                        + "talenoterne.");

        String code = TestLogins.csrf(TestLogins.organiser())
                .multiPart("deck", "foredrag.pptx", TestPptx.deck(3), "application/octet-stream")
                .multiPart("deck", "foredrag.pdf", TestPdfs.deck(3), "application/pdf").post("/api/decks").then()
                .statusCode(201).extract().path("code");
        List<Slide> slides = QuarkusTransaction.requiringNew()
                .call(() -> Slide.listByTalk(Talk.findByJoinCode(code).orElseThrow()));
        assertThat(slides).extracting(s -> s.notes)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 3).mapToObj(TestPptx::notes).toList());
    }
}
