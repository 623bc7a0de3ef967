package dk.afstemning.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The login session key of the H2 build when none is configured: made once, 32 random bytes, into
 * {@code <afstemning.data-dir>/session.key} (readable by the owner only, the folder too), and given to Quarkus as
 * {@code quarkus.http.auth.session.encryption-key} before the form login reads it. It also creates the data folder
 * owner-only (mode 700) before H2 opens its file there, when the folder does not exist yet. So logins survive a restart and
 * Quarkus never makes (and logs) a temporary key. Registered in {@code META-INF/services}; never logs the key.
 * <p>
 * Not at build time: Quarkus records the runtime values a custom source gives during the build into the jar, so the
 * factory gives nothing when Quarkus' build code asks. Not for PostgreSQL either: several instances must
 * share one key, which the operator sets ({@link SessionKeyCheck} refuses to start without it).
 */
public class SessionKeyFile implements ConfigSourceFactory {

    /** The Quarkus setting this source provides. */
    public static final String KEY = "quarkus.http.auth.session.encryption-key";
    /** The file in the data folder. */
    public static final String FILE = "session.key";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isBuild() || !"h2".equals(value(context, "quarkus.datasource.db-kind", "h2"))) {
            return List.of();
        }
        Path dataDir = Path.of(value(context, "afstemning.data-dir", "./data"));
        boolean keyConfigured = !value(context, KEY, "").isBlank();
        if (!keyConfigured || value(context, "quarkus.datasource.jdbc.url", "").startsWith("jdbc:h2:file:")) {
            createOwnerOnly(dataDir);
        }
        if (keyConfigured) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("afstemning session key file", Map.of(KEY,
                readOrCreate(dataDir.resolve(FILE))), 100) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    /** Creates the folder (and its parents) readable by the owner only; an existing folder is left as it is. */
    public static void createOwnerOnly(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
    }

    /** The key in {@code file}, made (owner-only, 32 random bytes in base64) when the file does not exist. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String key = Base64.getEncoder().encodeToString(random);
                try {
                    boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
                    if (posix) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
                    return key;
                } catch (FileAlreadyExistsException e) {
                    // another instance made it first: read theirs
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (key.length() < SessionKeyCheck.MIN_LENGTH) {
                throw new IllegalStateException("The session key file " + file + " holds fewer than "
                        + SessionKeyCheck.MIN_LENGTH + " characters: delete it to make a new one");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key file " + file, e);
        }
    }

    private static String value(ConfigSourceContext context, String name, String otherwise) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? otherwise : value.getValue().strip();
    }

    /** True while Quarkus builds the application: its build code ({@code io.quarkus.deployment}) reads the config. */
    private static boolean isBuild() {
        return StackWalker.getInstance().walk(frames -> frames
                .anyMatch(f -> f.getClassName().startsWith("io.quarkus.deployment.")));
    }
}
