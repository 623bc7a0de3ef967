package dk.afstemning.deck;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;


import dk.afstemning.problem.ApiProblem;

import dk.afstemning.platform.AppConfig;

/**
 * The images that decks in the slides folder refer to by relative path ({@code ![chart](img/chart.png)}). Only image
 * files inside that folder are found, never a path that climbs out of it.
 */
@Singleton
public class SlideImages {

    private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
            "image/jpeg", "gif", "image/gif", "webp", "image/webp", "svg", "image/svg+xml", "avif", "image/avif");

    private final Path root;

    /** The slides folder of the configuration ({@code afstemning.slides-dir}). */
    @Inject
    public SlideImages(AppConfig config) {
        this(config.slidesDir());
    }

    /** @param slidesDir the slides folder, absolute or relative to the working directory */
    public SlideImages(String slidesDir) {
        root = Path.of(slidesDir).toAbsolutePath().normalize();
    }

    /**
     * An image file and its media type.
     *
     * @param type e.g. {@code image/png}; {@code image/svg+xml} for an SVG
     */
    public record Image(File file, String type) {
    }

    /**
     * The image at {@code path}, relative to the slides folder.
     *
     * @throws ApiProblem 404 when it is no image file inside the folder, or no path at all
     */
    public Image find(String path) {
        Path file;
        try {
            // A NUL or, on some systems, other characters make no path at all: as unknown as a missing file.
            file = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw notFound();
        }
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        String type = IMAGE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (!file.startsWith(root) || type == null || !Files.isRegularFile(file)) {
            throw notFound();
        }
        return new Image(file.toFile(), type);
    }

    /** The path is not repeated: it is the client's text. */
    private static ApiProblem notFound() {
        return ApiProblem.notFound("image", "No such image next to the decks");
    }
}
