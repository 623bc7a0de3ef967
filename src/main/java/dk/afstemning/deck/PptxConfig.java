package dk.afstemning.deck;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * PowerPoint decks, {@code afstemning.pptx.*}: where LibreOffice is and how long it may take; see
 * {@link PptxConverter}. The largest file and the most slides are those of PDF decks ({@code afstemning.pdf.*}).
 */
@ConfigMapping(prefix = "afstemning.pptx")
public interface PptxConfig {

    /**
     * LibreOffice's {@code soffice} program; when absent, {@code soffice} found on the {@code PATH}. When there is
     * none, a {@code .pptx} alone is refused with advice to upload its PDF export.
     */
    Optional<String> soffice();

    /** Longest time one conversion to PDF may take; the conversion's processes are ended after it. */
    @WithDefault("120s")
    Duration convertTimeout();

    /** Presentations that may wait while one is converted; one more is refused with 503 {@code pptx-busy}. */
    @WithDefault("2")
    int queue();

    /** Most entries of a presentation's ZIP. */
    @WithDefault("10000")
    int maxEntries();

    /** Most bytes of a presentation's ZIP entries together, unpacked (a ZIP bomb is refused at this limit). */
    @WithDefault("268435456")
    long maxUnpackedBytes();
}
