package dk.afstemning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The result pages' strings exist in both languages. */
class ReportMessagesTest {

    @Test
    void danishBundleHasExactlyTheKeysOfTheEnglishOne() throws Exception {
        Set<String> english = Arrays.stream(ReportMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties danish = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/rep_da.properties")) {
            danish.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(new TreeSet<>(danish.stringPropertyNames())).isEqualTo(english);
        assertThat(danish.getProperty("pooled")).isEqualTo("Alle oplæg (samlet)");
    }
}
