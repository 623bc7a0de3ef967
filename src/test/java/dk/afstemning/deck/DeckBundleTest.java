package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.afstemning.polltype.TestPollTypes;
import dk.afstemning.problem.ApiProblem;

/**
 * Issue 18, item 3: a Markdown deck uploaded as a zip with its images, read as hostile: named cases from the brief
 * (path traversal, a zip bomb, 10,001 entries, a deck in a folder, a missing image, two decks), and links, SVG and
 * files that are not images.
 */
class DeckBundleTest {

    @TempDir
    Path dir;

    private DeckBundle.Contents read(Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve("deck.zip");
        Files.write(file, TestDeckZips.zip(entries));
        return DeckBundle.read("deck.zip", file);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> entries(Object... nameAndBytes) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            map.put((String) nameAndBytes[i], (byte[]) nameAndBytes[i + 1]);
        }
        return map;
    }

    @Test
    void deckInAFolderFindsItsImagesByRelativePath() throws IOException {
        byte[] chart = TestDeckZips.png(0xff0000);
        byte[] logo = TestDeckZips.png(0x00ff00);
        DeckBundle.Contents contents = read(entries("talk/", new byte[0], "talk/deck.md",
                utf8("# A\n\n![chart](img/chart.png)\n\n![logo](../logo.png)\n"), "talk/img/chart.png", chart,
                "logo.png", logo, "__MACOSX/talk/._deck.md", new byte[] {0, 5, 22}, "talk/.DS_Store", new byte[] {1}));
        assertThat(contents.deckName()).isEqualTo("deck.md");
        assertThat(contents.images()).extracting(DeckBundle.Image::name, DeckBundle.Image::mediaType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("img/chart.png", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("../logo.png", "image/png"));
        assertThat(contents.images().get(0).hash()).isEqualTo(PdfRenderer.sha256(chart));

        Deck deck = new DeckParser(TestPollTypes.all()).parse("deck.md", contents.markdown(),
                DeckAssets.uploaded(Map.of("img/chart.png", "a".repeat(64), "../logo.png", "b".repeat(64))));
        assertThat(deck.slides().get(0).html()).contains("src=\"/deck-images/" + "a".repeat(64) + "\"")
                .contains("src=\"/deck-images/" + "b".repeat(64) + "\"");
    }

    @Test
    void missingImageIsAWarningNamingFileAndLineAndStaysBrokenAsInMarp() throws IOException {
        String markdown = "# A\n\n![chart](img/chart.png)\n\n---\n\n# B\n\n![bg left](img/missing%20one.png)\n";
        DeckBundle.Contents contents = read(entries("deck.md", utf8(markdown), "img/chart.png", TestDeckZips.png(1)));
        assertThat(DeckAssets.missing("deck.md", contents.markdown(), java.util.Set.of("img/chart.png")))
                .containsExactly(new DeckWarning("image-missing", "deck.md", 9, "img/missing%20one.png",
                        "deck.md:9: image 'img/missing%20one.png' was not uploaded with the deck; the slide shows a "
                                + "broken image, as in Marp: upload the deck as a .zip with its images, or add the "
                                + "image in the deck editor"));
        Deck deck = new DeckParser(TestPollTypes.all()).parse("deck.md", markdown,
                DeckAssets.uploaded(Map.of("img/chart.png", "c".repeat(64))));
        assertThat(deck.slides().get(1).html()).contains("src=\"img/missing%20one.png\"");
    }

    @Test
    void pathTraversalIsRefused() {
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "../evil.png", TestDeckZips.png(1))))
                .isInstanceOf(ApiProblem.class).hasMessage("deck.zip: the entry '../evil.png' has an unsafe name "
                        + "(absolute, or climbing out with ..); a deck zip holds plain relative names only")
                .extracting(e -> ((ApiProblem) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "/etc/evil.png", TestDeckZips.png(1))))
                .hasMessageContaining("'/etc/evil.png' has an unsafe name");
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "img\\..\\..\\evil.png", TestDeckZips.png(1))))
                .hasMessageContaining("has an unsafe name");
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "C:/evil.png", TestDeckZips.png(1))))
                .hasMessageContaining("'C:/evil.png' has an unsafe name");
    }

    @Test
    void symbolicLinkIsRefused() {
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "link:img.png", utf8("/etc/passwd"))))
                .hasMessage("deck.zip: the entry 'img.png' is a symbolic link; a deck zip holds files only");
    }

    @Test
    void zipBombIsRefusedByItsCompressionRatio() {
        byte[] zeros = new byte[20 * 1024 * 1024];
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "bomb.png", zeros)))
                .isInstanceOf(ApiProblem.class).hasMessage("deck.zip: the entry 'bomb.png' inflates more than 100 "
                        + "times its compressed size, as a zip bomb does")
                .extracting(e -> ((ApiProblem) e).type()).isEqualTo("deck-zip-too-large");
    }

    @Test
    void tenThousandAndOneEntriesAreRefusedBeforeAnyIsRead() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("deck.md", utf8("# A\n"));
        for (int i = 1; i <= 10_000; i++) {
            many.put("img/" + i + ".png", new byte[0]);
        }
        assertThatThrownBy(() -> read(many)).isInstanceOf(ApiProblem.class)
                .hasMessage("deck.zip holds 10001 entries; a deck zip may hold at most 1000")
                .extracting(e -> ((ApiProblem) e).status()).isEqualTo(413);
    }

    @Test
    void twoMarkdownFilesAreRefused() {
        assertThatThrownBy(() -> read(entries("a.md", utf8("# A\n"), "notes/b.md", utf8("# B\n"))))
                .hasMessage("deck.zip holds two Markdown files, 'a.md' and 'notes/b.md'; a deck zip holds one deck");
        assertThatThrownBy(() -> read(entries("a.png", TestDeckZips.png(1))))
                .hasMessage("deck.zip holds no Markdown file (.md); a deck zip holds one deck and its images");
    }

    @Test
    void onlyImagesKnownByContentAndNoSvg() {
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "logo.svg",
                utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"))))
                .hasMessage("deck.zip: 'logo.svg' is an SVG image, which can carry script; convert it to PNG");
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "chart.png", utf8("#!/bin/sh\nrm -rf /\n"))))
                .hasMessage("deck.zip: 'chart.png' is not a PNG, JPEG, GIF or WebP image; a deck zip holds one deck "
                        + "and its images only");
    }

    @Test
    void imageOverItsLimitIsRefused() {
        byte[] big = new byte[(int) DeckBundle.MAX_IMAGE_BYTES + 1];
        new java.util.Random(18).nextBytes(big);
        assertThatThrownBy(() -> read(entries("deck.md", utf8("# A\n"), "big.png", big)))
                .hasMessage("deck.zip: the entry 'big.png' is larger than 10485760 bytes");
        assertThat(List.of(DeckBundle.MAX_ENTRIES, DeckBundle.MAX_RATIO)).containsExactly(1000, 100);
    }
}
