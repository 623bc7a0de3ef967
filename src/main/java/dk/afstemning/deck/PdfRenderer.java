package dk.afstemning.deck;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;

import io.quarkus.logging.Log;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.LogText;

/**
 * Turns an uploaded PDF into slides: every page rendered to an image that fills a 1920 × 1080 projector (the page
 * fitted in, keeping its aspect), a thumbnail 320 px wide, and the page's text. Rendering runs in a small pool of its
 * own, never on a request thread or inside a transaction; each task opens its own {@link PDDocument} (PDFBox is not
 * thread-safe) with temp-file memory. Every page is bounded in time and in the pixels of the images it holds.
 *
 * <p>Images are PNG, lossless and sharp for the text and line art of slides; a page whose PNG is heavy (a photo,
 * more than 2 bits per pixel) is stored as JPEG (quality 0.85) when that is smaller.
 */
@Singleton
public class PdfRenderer {

    /** The image size every page is fitted into, in pixels. */
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    /** The thumbnail width, in pixels. */
    public static final int THUMB_WIDTH = 320;
    /** Most characters of a page's text that are kept. */
    public static final int MAX_TEXT = 20_000;

    /**
     * @param maxBytes largest PDF, bytes
     * @param maxPages most pages
     * @param maxImagePixels most pixels of one image inside a page
     * @param pageTimeLimit longest time per page (render and text)
     * @param deckTimeLimit longest wait for a whole PDF, queueing included
     * @param threads rendering threads
     * @param queue PDFs that may wait for a thread
     */
    public record Limits(long maxBytes, int maxPages, long maxImagePixels, Duration pageTimeLimit,
            Duration deckTimeLimit, int threads, int queue) {
    }

    /**
     * An encoded image.
     *
     * @param bytes PNG or JPEG
     * @param type {@code image/png} or {@code image/jpeg}
     * @param width pixels
     * @param height pixels
     * @param hash SHA-256 of {@code bytes}, lower-case hex: the image's name in URLs
     */
    public record PdfImage(byte[] bytes, String type, int width, int height, String hash) {
    }

    /**
     * One page.
     *
     * @param number 1-based
     * @param text the page's text, control characters removed, at most {@link #MAX_TEXT} characters; may be empty
     * @param image the page fitted into 1920 × 1080
     * @param thumb the page 320 px wide
     */
    public record RenderedPage(int number, String text, PdfImage image, PdfImage thumb) {
    }

    /** @param file the upload's file name @param pages every page, in order */
    public record RenderedPdf(String file, List<RenderedPage> pages) {
    }

    private final Limits limits;
    private final ThreadPoolExecutor pool;

    @Inject
    public PdfRenderer(PdfConfig config) {
        this(new Limits(config.maxBytes(), config.maxPages(), config.maxImagePixels(), config.pageTimeLimit(),
                config.deckTimeLimit(), config.threads(), config.queue()));
    }

    public PdfRenderer(Limits limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queue())), r -> {
                    Thread thread = new Thread(r, "pdf-render-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    public Limits limits() {
        return limits;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** True when the bytes start like a PDF ({@code %PDF-}), whatever the file's name. */
    public static boolean isPdf(byte[] head) {
        byte[] magic = {'%', 'P', 'D', 'F', '-'};
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Renders every page of the PDF at {@code file}, waiting at most the deck time limit.
     *
     * @param name the upload's file name, for messages
     * @throws ApiProblem 413 {@code pdf-too-large} or {@code pdf-too-many-pages}; 400 {@code pdf-unreadable},
     *         {@code pdf-encrypted} (a password is needed to open it) or {@code pdf-empty} (no pages); 422
     *         {@code pdf-too-slow} (a page or the whole PDF took too long) or {@code pdf-image-too-large}; 503
     *         {@code pdf-busy} when too many PDFs are waiting
     */
    public RenderedPdf render(String name, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (size > limits.maxBytes()) {
            throw new ApiProblem(413, "pdf-too-large", "PDF too large",
                    "A PDF may be at most " + limits.maxBytes() + " bytes; " + name + " is " + size);
        }
        Deadline deadline = new Deadline(limits.pageTimeLimit());
        Future<RenderedPdf> task;
        try {
            task = pool.submit(() -> renderNow(name, file, deadline));
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(503, "pdf-busy", "Busy", "Too many PDFs are being rendered; upload it again in a minute");
        }
        try {
            return task.get(limits.deckTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            deadline.cancelled = true;
            task.cancel(true);
            throw new ApiProblem(422, "pdf-too-slow", "PDF too slow",
                    name + " took longer than " + limits.deckTimeLimit().toSeconds() + " s to render");
        } catch (InterruptedException e) {
            deadline.cancelled = true;
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    /** What a pooled task threw: its problem as it was, anything else wrapped. */
    static RuntimeException failure(ExecutionException e) {
        return e.getCause() instanceof ApiProblem problem ? problem : new IllegalStateException(e.getCause());
    }

    private RenderedPdf renderNow(String name, Path file, Deadline deadline) {
        PDDocument document;
        RandomAccessReadBufferedFile source = null;
        try {
            source = new RandomAccessReadBufferedFile(file.toFile());
            document = Loader.loadPDF(source, MemoryUsageSetting.setupTempFileOnly().streamCache);
        } catch (InvalidPasswordException e) {
            close(source);
            throw new ApiProblem(400, "pdf-encrypted", "PDF is protected by a password",
                    name + " needs a password to open; save it without the password and upload it again");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            close(source);
            throw unreadable(name + " cannot be read as a PDF", e);
        }
        try (PDDocument doc = document) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new ApiProblem(400, "pdf-empty", "PDF without pages", name + " has no pages");
            }
            if (pages > limits.maxPages()) {
                throw new ApiProblem(413, "pdf-too-many-pages", "Too many pages",
                        name + " has " + pages + " pages; a deck may have at most " + limits.maxPages());
            }
            PdfPageRenderer renderer = new PdfPageRenderer(doc, deadline, limits.maxImagePixels());
            renderer.setSubsamplingAllowed(true);
            PdfPageRenderer.TextReader reader = new PdfPageRenderer.TextReader(deadline);
            reader.setSortByPosition(true);
            List<RenderedPage> rendered = new ArrayList<>(pages);
            for (int i = 0; i < pages; i++) {
                rendered.add(renderPage(name, doc, i, renderer, reader, deadline));
            }
            return new RenderedPdf(name, List.copyOf(rendered));
        } catch (IOException e) {
            throw unreadable(name + " cannot be read as a PDF", e);
        }
    }

    private RenderedPage renderPage(String name, PDDocument doc, int index, PdfPageRenderer renderer,
            PdfPageRenderer.TextReader reader, Deadline deadline) {
        int number = index + 1;
        deadline.startPage(number);
        try {
            BufferedImage image = renderer.renderImage(index, scale(doc.getPage(index)), ImageType.RGB);
            reader.setStartPage(number);
            reader.setEndPage(number);
            String text = PageText.clean(reader.getText(doc), MAX_TEXT);
            deadline.check();
            return new RenderedPage(number, text, encode(image), encode(thumbnail(image)));
        } catch (PdfPageRenderer.Stop stop) {
            if (stop.imagePixels() > 0) {
                throw new ApiProblem(422, "pdf-image-too-large", "Image too large", "Page " + number + " of " + name
                        + " holds an image of " + stop.imagePixels() + " pixels; at most " + limits.maxImagePixels());
            }
            throw new ApiProblem(422, "pdf-too-slow", "PDF too slow", "Page " + number + " of " + name
                    + " took longer than " + limits.pageTimeLimit().toMillis() + " ms to render");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw unreadable("Page " + number + " of " + name + " cannot be rendered", e);
        }
    }

    /** The scale that fits the page, as shown (rotation included), into 1920 × 1080. */
    static float scale(PDPage page) {
        PDRectangle box = page.getCropBox();
        float width = box.getWidth();
        float height = box.getHeight();
        int rotation = Math.floorMod(page.getRotation(), 360);
        if (rotation == 90 || rotation == 270) {
            float swap = width;
            width = height;
            height = swap;
        }
        if (width <= 0 || height <= 0) {
            return 1;
        }
        return Math.min(WIDTH / width, HEIGHT / height);
    }

    private static BufferedImage thumbnail(BufferedImage image) {
        int height = Math.max(1, Math.round((float) image.getHeight() * THUMB_WIDTH / image.getWidth()));
        BufferedImage thumb = new BufferedImage(THUMB_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.drawImage(image.getScaledInstance(THUMB_WIDTH, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        } finally {
            g.dispose();
        }
        return thumb;
    }

    /** PNG, or JPEG when the PNG is heavy (more than 2 bits per pixel) and the JPEG is smaller. */
    static PdfImage encode(BufferedImage image) {
        try {
            byte[] bytes = png(image);
            String type = "image/png";
            if (bytes.length > (long) image.getWidth() * image.getHeight() / 4) {
                byte[] jpeg = jpeg(image);
                if (jpeg.length < bytes.length) {
                    bytes = jpeg;
                    type = "image/jpeg";
                }
            }
            return new PdfImage(bytes, type, image.getWidth(), image.getHeight(), sha256(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a page image", e);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem unreadable(String what, Throwable cause) {
        Log.debugf(cause, "%s", LogText.quoted(what));
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "…";
        }
        return new ApiProblem(400, "pdf-unreadable", "PDF cannot be read", what + ": " + reason);
    }

    private static void close(RandomAccessReadBufferedFile source) {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                Log.debugf(e, "closing a PDF that did not load");
            }
        }
    }

    /** The time a page may take; checked by the renderer and the text reader before every content operator. */
    static final class Deadline {
        private final long pageNanos;
        private volatile long pageEnds;
        volatile boolean cancelled;

        Deadline(Duration pageTimeLimit) {
            this.pageNanos = pageTimeLimit.toNanos();
        }

        void startPage(int number) {
            pageEnds = System.nanoTime() + pageNanos;
        }

        void check() {
            if (cancelled || System.nanoTime() - pageEnds >= 0) {
                throw new PdfPageRenderer.Stop(0);
            }
        }
    }
}
