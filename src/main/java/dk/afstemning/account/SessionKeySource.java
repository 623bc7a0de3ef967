package dk.afstemning.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Keeps organiser logins across restarts: when {@code quarkus.http.auth.session.encryption-key} is not configured, the
 * key is read from {@code <afstemning.data-dir>/session-key}, which the first start creates with 32 random bytes
 * (Base64) and file mode 600 (owner read/write only, where the file system has POSIX permissions). Only in the prod
 * and dev profiles, whose database lives in the same folder; tests keep Quarkus's key made per start. The file is read
 * or made the first time the key is asked for, so a build makes no file. A configured key always wins (this source's
 * ordinal is below every configuration file's). Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class SessionKeySource implements ConfigSourceFactory {

    /** The Quarkus key this source supplies. */
    public static final String KEY = "quarkus.http.auth.session.encryption-key";

    /** The key file's name in the data folder. */
    public static final String FILE = "session-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(KEY);
        List<String> profiles = context.getProfiles();
        if (configured != null && configured.getValue() != null
                || profiles.stream().noneMatch(p -> p.equals("prod") || p.equals("dev"))) {
            return List.of();
        }
        Path file = Path.of(dataDir(context)).resolve(FILE);
        return List.of(new KeyFileSource(file));
    }

    /**
     * The data folder as the app will use it: a system property ({@code -Dafstemning.data-dir}) or the environment
     * ({@code AFSTEMNING_DATA_DIR}) first, since a factory's context may not see them, then the configuration files.
     */
    static String dataDir(ConfigSourceContext context) {
        String property = System.getProperty("afstemning.data-dir");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("AFSTEMNING_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return env;
        }
        ConfigValue dir = context.getValue("afstemning.data-dir");
        return dir == null || dir.getValue() == null ? "./data" : dir.getValue();
    }

    /** Reads the key file, making it first when it does not exist. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temp;
                try {
                    temp = Files.createTempFile(folder, FILE, ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    temp = Files.createTempFile(folder, FILE, ".tmp");
                }
                Files.writeString(temp, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                // written in full before it appears under its name (one server per data folder: H2 locks it)
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key file " + file, e);
        }
    }

    /** The key from its file, made on first use. */
    static final class KeyFileSource implements ConfigSource {
        private final Path file;
        private volatile String key;

        KeyFileSource(Path file) {
            this.file = file;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(KEY);
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of(KEY, getValue(KEY));
        }

        @Override
        public String getValue(String name) {
            if (!KEY.equals(name)) {
                return null;
            }
            if (key == null) {
                key = readOrCreate(file);
            }
            return key;
        }

        @Override
        public String getName() {
            return "afstemning-session-key-file";
        }

        @Override
        public int getOrdinal() {
            return 50;
        }
    }
}
