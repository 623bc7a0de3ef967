package dk.afstemning.deck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.LogText;

/**
 * Converts a PowerPoint presentation to PDF with LibreOffice ({@code soffice --headless --convert-to pdf}), one
 * presentation at a time, each in a process of its own with a private profile (so that conversions never share
 * LibreOffice's user installation), in a temporary folder of its own, within a time limit after which the process and
 * its children are ended. Conversions run in a pool of one thread with a short queue; the caller waits, outside any
 * transaction.
 */
@Singleton
public class PptxConverter {

    /**
     * @param soffice the {@code soffice} program, or empty when LibreOffice is not installed
     * @param timeout longest time per conversion
     * @param queue presentations that may wait for the converter
     */
    public record Limits(Optional<Path> soffice, Duration timeout, int queue) {
    }

    /** A converted PDF in its own temporary folder; closing it deletes the folder. */
    public record Converted(Path folder, Path pdf) implements AutoCloseable {
        @Override
        public void close() {
            delete(folder);
        }
    }

    private final Limits limits;
    private final ThreadPoolExecutor pool;

    @Inject
    public PptxConverter(PptxConfig config) {
        this(new Limits(config.soffice().map(Path::of).or(PptxConverter::onPath), config.convertTimeout(),
                config.queue()));
    }

    public PptxConverter(Limits limits) {
        this.limits = limits;
        pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                limits.queue() > 0 ? new ArrayBlockingQueue<>(limits.queue()) : new SynchronousQueue<>(), r -> {
                    Thread thread = new Thread(r, "pptx-convert");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Presentations waiting for the converter, the one converting not counted. */
    int waiting() {
        return pool.getQueue().size();
    }

    /** True when {@code soffice} is there to run. */
    public boolean available() {
        return limits.soffice().filter(Files::isExecutable).isPresent();
    }

    /** {@code soffice} in a folder of the {@code PATH}, if any. */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty()
                : Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(s -> Path.of(s, "soffice"))
                        .filter(Files::isExecutable).findFirst();
    }

    /**
     * Converts the presentation at {@code pptx} to PDF; close the answer to delete the PDF.
     *
     * @param name the upload's file name, for messages
     * @throws ApiProblem 422 {@code pptx-conversion-unavailable} (no LibreOffice here), {@code pptx-conversion-failed}
     *         or {@code pptx-too-slow}; 503 {@code pptx-busy} when too many presentations are waiting
     */
    public Converted convert(String name, Path pptx) {
        if (!available()) {
            throw new ApiProblem(422, "pptx-conversion-unavailable", "PowerPoint files cannot be converted here",
                    "This server cannot turn " + name + " into slides (LibreOffice is not installed); export the "
                            + "deck as PDF (File → Export → PDF) and upload that, or upload the .pptx and its PDF "
                            + "together to keep the speaker notes");
        }
        Future<Converted> task;
        try {
            task = pool.submit(() -> convertNow(name, pptx));
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(503, "pptx-busy", "Busy",
                    "Too many presentations are being converted; upload it again in a minute");
        }
        try {
            // Every conversion ahead in the queue is bounded by the time limit, and so is this one.
            return task.get(limits.timeout().multipliedBy(limits.queue() + 2L).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw tooSlow(name);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw PdfRenderer.failure(e);
        }
    }

    private Converted convertNow(String name, Path pptx) throws IOException {
        Path folder = Files.createTempDirectory("afstemning-pptx-");
        boolean done = false;
        try {
            Path input = Files.copy(pptx, folder.resolve("deck.pptx"));
            Path out = Files.createDirectory(folder.resolve("out"));
            Path log = folder.resolve("soffice.log");
            ProcessBuilder builder = new ProcessBuilder(limits.soffice().orElseThrow().toString(),
                    "-env:UserInstallation=" + folder.resolve("profile").toUri(), "--headless", "--invisible",
                    "--norestore", "--nolockcheck", "--nodefault", "--nologo", "--convert-to", "pdf", "--outdir",
                    out.toString(), input.toString())
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("HOME", folder.toString());
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                if (!process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw tooSlow(name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw tooSlow(name);
            } finally {
                end(process);
            }
            Path pdf = out.resolve("deck.pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                String said = tail(log);
                Log.warnf("LibreOffice did not convert %s (exit %d): %s", LogText.quoted(name), process.exitValue(),
                        LogText.quoted(said));
                throw new ApiProblem(422, "pptx-conversion-failed", "Conversion failed",
                        "LibreOffice could not turn " + name + " into a PDF (exit " + process.exitValue() + (said
                                .isEmpty() ? "" : ": " + said) + "); export the deck as PDF (File → Export → PDF) "
                                + "and upload that, or upload the .pptx and its PDF together to keep the speaker notes");
            }
            Log.infof("LibreOffice converted %s in %d ms", LogText.quoted(name),
                    (System.nanoTime() - start) / 1_000_000);
            done = true;
            return new Converted(folder, pdf);
        } finally {
            if (!done) {
                delete(folder);
            }
        }
    }

    /** Ends the process and every process it started (soffice starts oosplash and soffice.bin). */
    static void end(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("a LibreOffice process did not end within 10 s of being killed");
        }
    }

    private ApiProblem tooSlow(String name) {
        return new ApiProblem(422, "pptx-too-slow", "Conversion too slow",
                "LibreOffice took longer than " + limits.timeout().toSeconds() + " s to turn " + name + " into a PDF; "
                        + "export the deck as PDF (File → Export → PDF) and upload that, or upload the .pptx and its "
                        + "PDF together to keep the speaker notes");
    }

    /** The last line LibreOffice wrote, at most 200 characters, for the log and the problem's detail. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            return last.length() > 200 ? last.substring(0, 200) + "…" : last;
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            Log.warnf(e, "cannot delete %s", folder);
        }
    }
}
