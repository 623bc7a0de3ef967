package dk.afstemning.deck;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of PDF decks, {@code afstemning.pdf.*}; see {@link PdfRenderer}. */
@ConfigMapping(prefix = "afstemning.pdf")
public interface PdfConfig {

    /** Largest PDF accepted, in bytes; keep it below {@code quarkus.http.limits.max-body-size}. */
    @WithDefault("26214400")
    long maxBytes();

    /** Most pages a PDF deck may have. */
    @WithDefault("200")
    int maxPages();

    /** Most pixels of one image inside a page (width × height as stored in the PDF). */
    @WithDefault("100000000")
    long maxImagePixels();

    /** Longest time one page may take to render and to read its text. */
    @WithDefault("10s")
    Duration pageTimeLimit();

    /** Longest time an upload waits for all its pages, queueing included. */
    @WithDefault("120s")
    Duration deckTimeLimit();

    /** Threads that render PDFs, each one document at a time. */
    @WithDefault("1")
    int threads();

    /** PDFs that may wait for a thread; one more is refused with 503 {@code pdf-busy}. */
    @WithDefault("4")
    int queue();
}
