package dk.afstemning.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The session key kept in the data folder: made once with mode 600, read again by the next start, never in tests. */
class SessionKeySourceTest {

    private static SmallRyeConfig config(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new SessionKeySource()).build();
    }

    @Test
    void theFirstProdStartMakesAPrivateKeyFileAndTheNextReadsIt(@TempDir Path data) throws Exception {
        Map<String, String> properties = Map.of("afstemning.data-dir", data.toString());
        String key = config("prod", properties).getValue(SessionKeySource.KEY, String.class);
        Path file = data.resolve(SessionKeySource.FILE);
        assertThat(key).hasSize(44).isEqualTo(Files.readString(file)); // 32 random bytes, Base64
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(config("prod", properties).getValue(SessionKeySource.KEY, String.class)).isEqualTo(key);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SessionKeySource.FILE);
        }
    }

    @Test
    void aConfiguredKeyWinsAndTestsMakeNoFile(@TempDir Path data) {
        assertThat(config("prod", Map.of("afstemning.data-dir", data.toString(), SessionKeySource.KEY,
                "configured-key-of-some-length")).getValue(SessionKeySource.KEY, String.class))
                .isEqualTo("configured-key-of-some-length");
        assertThat(config("test", Map.of("afstemning.data-dir", data.toString()))
                .getOptionalValue(SessionKeySource.KEY, String.class)).isEmpty();
        assertThat(data.resolve(SessionKeySource.FILE)).doesNotExist();
    }
}
