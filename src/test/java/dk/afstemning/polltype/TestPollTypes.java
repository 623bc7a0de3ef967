package dk.afstemning.polltype;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The poll types for tests without CDI (a deck parser made with {@code new}): every concrete {@link PollType} bean class
 * under {@code dk.afstemning.polltype}, found on the class path as CDI finds them, so a new type needs no line here.
 */
public final class TestPollTypes {

    private static PollTypes all;

    private TestPollTypes() {
    }

    /** A registry of every type. */
    public static synchronized PollTypes all() {
        if (all == null) {
            all = PollTypes.of(find());
        }
        return all;
    }

    private static List<PollType> find() {
        URL root = PollType.class.getResource("PollType.class");
        try {
            // Maven runs tests in the project folder; inside a @QuarkusTest the class's URL is not a file.
            Path built = Path.of("target", "classes", PollType.class.getPackageName().replace('.', '/'));
            Path dir = Files.isDirectory(built) ? built : Path.of(root.toURI()).getParent();
            List<PollType> types = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = PollType.class.getPackageName() + "."
                            + dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                                    .replaceAll("\\.class$", "");
                    Class<?> c = Class.forName(name);
                    if (PollType.class.isAssignableFrom(c) && !c.isInterface()
                            && !Modifier.isAbstract(c.getModifiers()) && c.isAnnotationPresent(ApplicationScoped.class)) {
                        types.add((PollType) c.getDeclaredConstructor().newInstance());
                    }
                }
            }
            return types;
        } catch (IOException | URISyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot list the poll types under " + root, e);
        }
    }
}
