package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The Q&A strings exist in both languages: every English key has a Danish translation and vice versa. */
class QaTextsTest {

    @Test
    void danishQaBundleHasExactlyTheKeysOfTheEnglishOne() throws Exception {
        Properties danish = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/qa_da.properties")) {
            danish.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(new TreeSet<>(danish.stringPropertyNames())).isEqualTo(Arrays.stream(QaTexts.class
                .getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(danish.getProperty("upvote")).isEqualTo("Støt");
    }
}
