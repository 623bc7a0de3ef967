package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.ws.rs.core.Response;

import dk.afstemning.deck.SlideImages;
import dk.afstemning.problem.ApiProblem;

/** Images next to the decks are served; nothing else in or outside the slides folder is. */
class SlideAssetResourceTest {

    @TempDir
    Path folder;

    private SlideAssetResource resource() {
        SlideAssetResource resource = new SlideAssetResource();
        resource.images = new SlideImages(folder.resolve("slides").toString());
        return resource;
    }

    @Test
    void anImageNextToTheDecksIsServedWithItsTypeAndASandbox() throws Exception {
        Files.createDirectories(folder.resolve("slides/img"));
        Files.write(folder.resolve("slides/img/chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Response response = resource().image("img/chart.png");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("image/png");
        assertThat(response.getHeaderString("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void decksOtherFilesAndPathsOutsideTheFolderAreNotServed() throws Exception {
        Files.createDirectories(folder.resolve("slides"));
        Files.writeString(folder.resolve("slides/talk.md"), "# secret notes");
        Files.write(folder.resolve("outside.png"), new byte[] {1});
        for (String path : new String[] {"talk.md", "../outside.png", "img/missing.png", "%2e%2e/outside.png"}) {
            assertThatThrownBy(() -> resource().image(path)).isInstanceOf(ApiProblem.class)
                    .extracting(e -> ((ApiProblem) e).status()).isEqualTo(404);
        }
    }
}
