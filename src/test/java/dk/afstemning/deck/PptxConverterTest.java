package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.afstemning.problem.ApiProblem;

/**
 * Converting presentations with LibreOffice: a real conversion of a 20-slide deck when {@code soffice} is installed
 * (CI installs it), and with stand-in scripts for {@code soffice} that fail, hang or wait, the refusals, the time
 * limit that ends the process tree, and the bounded queue.
 */
class PptxConverterTest {

    @TempDir
    Path temp;

    private final List<PptxConverter> converters = new ArrayList<>();

    private PptxConverter converter(Optional<Path> soffice, Duration timeout, int queue) {
        PptxConverter converter = new PptxConverter(new PptxConverter.Limits(soffice, timeout, queue));
        converters.add(converter);
        return converter;
    }

    @AfterEach
    void stop() {
        converters.forEach(PptxConverter::stop);
    }

    private Path script(String name, String body) throws IOException {
        Path script = temp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static final String EXPORT_ADVICE = "export the deck as PDF (File → Export → PDF) and upload that, or upload "
            + "the .pptx and its PDF together to keep the speaker notes";

    @Test
    void libreOfficeTurnsTwentySlidesIntoTwentyPagesWithTheirText() {
        Optional<Path> soffice = PptxConverter.onPath();
        if (soffice.isEmpty()) {
            System.out.println("PptxConverterTest: soffice is not installed; the LibreOffice conversion was skipped");
        }
        Assumptions.assumeTrue(soffice.isPresent(), "soffice is not installed");
        PptxConverter converter = converter(soffice, Duration.ofSeconds(120), 2);
        PdfRenderer renderer = new PdfRenderer(new PdfRenderer.Limits(25 << 20, 200, 100_000_000,
                Duration.ofSeconds(30), Duration.ofSeconds(120), 1, 2));
        try {
            long start = System.nanoTime();
            PdfRenderer.RenderedPdf pdf;
            Path folder;
            try (PptxConverter.Converted converted = converter.convert("foredrag.pptx",
                    TestPdfs.file(TestPptx.deck(20)))) {
                long converting = (System.nanoTime() - start) / 1_000_000;
                folder = converted.folder();
                pdf = renderer.render("foredrag.pptx", converted.pdf());
                System.out.printf("PptxConverterTest: LibreOffice converted 20 slides in %d ms; with rendering %d ms%n",
                        converting, (System.nanoTime() - start) / 1_000_000);
            }
            assertThat(folder).doesNotExist();
            assertThat(pdf.pages()).hasSize(20);
            assertThat(pdf.pages()).extracting(PdfRenderer.RenderedPage::text).containsExactlyElementsOf(IntStream
                    .rangeClosed(1, 20).mapToObj(n -> TestPptx.pageText(n)).toList());
        } finally {
            renderer.stop();
        }
    }

    @Test
    void withoutLibreOfficeAPresentationIsRefusedWithTheAdviceToUploadItsPdf() {
        PptxConverter converter = converter(Optional.of(temp.resolve("no-soffice")), Duration.ofSeconds(5), 1);
        assertThat(converter.available()).isFalse();
        assertThat(catchThrowableOfType(ApiProblem.class, () -> converter.convert("foredrag.pptx", TestPdfs.file(TestPptx.deck(1)))))
                .extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(422,
                        "pptx-conversion-unavailable", "This server cannot turn foredrag.pptx into slides "
                                + "(LibreOffice is not installed); " + EXPORT_ADVICE);
    }

    @Test
    void aFailedConversionSaysWhatLibreOfficeSaidAndLeavesNoFiles() throws IOException {
        PptxConverter converter = converter(Optional.of(script("soffice", "echo 'Error: source file could not be "
                + "loaded'\nexit 1")), Duration.ofSeconds(30), 1);
        try (Stream<Path> before = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            long folders = before.filter(p -> p.getFileName().toString().startsWith("afstemning-pptx-")).count();
            assertThat(catchThrowableOfType(ApiProblem.class, () -> converter.convert("brudt.pptx", TestPdfs.file(TestPptx.deck(1)))))
                    .extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(422,
                            "pptx-conversion-failed", "LibreOffice could not turn brudt.pptx into a PDF (exit 1: "
                                    + "Error: source file could not be loaded); export the deck as PDF (File → Export "
                                    + "→ PDF) and upload that, or upload the .pptx and its PDF together to keep the "
                                    + "speaker notes");
            try (Stream<Path> after = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(after.filter(p -> p.getFileName().toString().startsWith("afstemning-pptx-")).count())
                        .isEqualTo(folders);
            }
        }
    }

    @Test
    void aConversionOverTheTimeLimitIsRefusedAndItsProcessTreeEnded() throws IOException {
        Path pids = temp.resolve("pids");
        // Like soffice, the script starts a child that does the work; both must end.
        PptxConverter converter = converter(Optional.of(script("soffice",
                "sleep 600 &\necho $$ $! > " + pids + "\nwait")), Duration.ofSeconds(2), 1);

        assertThat(catchThrowableOfType(ApiProblem.class, () -> converter.convert("langsom.pptx", TestPdfs.file(TestPptx.deck(1)))))
                .extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(422,
                        "pptx-too-slow", "LibreOffice took longer than 2 s to turn langsom.pptx into a PDF; "
                                + EXPORT_ADVICE);
        List<Long> started = Stream.of(Files.readString(pids).strip().split(" ")).map(Long::valueOf).toList();
        assertThat(started).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d", pid).isEmpty());
    }

    @Test
    void oneConversionRunsAndOneWaitsAndAThirdIsRefusedAsBusy() throws Exception {
        Path gate = temp.resolve("gate");
        Path started = temp.resolve("started");
        // Converts once the test opens the gate: writes the PDF LibreOffice would write.
        PptxConverter converter = converter(Optional.of(script("soffice", "touch " + started + "\n"
                + "while [ ! -e " + gate + " ]; do sleep 0.05; done\n"
                + "for last; do :; done\n"
                + "out=$(dirname \"$last\")/out\ncp " + TestPdfs.file(TestPdfs.deck(1)) + " \"$out/deck.pdf\"")),
                Duration.ofSeconds(60), 1);
        Path pptx = TestPdfs.file(TestPptx.deck(1));
        CompletableFuture<PptxConverter.Converted> first = CompletableFuture
                .supplyAsync(() -> converter.convert("a.pptx", pptx));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(started));
        CompletableFuture<PptxConverter.Converted> second = CompletableFuture
                .supplyAsync(() -> converter.convert("b.pptx", pptx));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> converter.waiting() == 1);

        assertThat(catchThrowableOfType(ApiProblem.class, () -> converter.convert("c.pptx", pptx))).extracting(ApiProblem::status,
                ApiProblem::type).containsExactly(503, "pptx-busy");

        Files.createFile(gate);
        try (PptxConverter.Converted a = first.get(30, TimeUnit.SECONDS);
                PptxConverter.Converted b = second.get(30, TimeUnit.SECONDS)) {
            assertThat(a.pdf()).isRegularFile();
            assertThat(b.pdf()).isRegularFile();
            assertThat(a.folder()).isNotEqualTo(b.folder());
        }
    }
}
