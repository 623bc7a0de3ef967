package dk.afstemning.deck;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Marp's emoji shortcodes: {@code :wave:} is written 👋, with the names marp-core knows (the data of markdown-it-emoji
 * it bundles, in {@code marp/emoji-shortcodes.properties}); an unknown name such as {@code :nope:} stays as written,
 * and emoticons such as {@code :)} stay too (marp-core turns their shortcuts off).
 */
final class MarpEmoji {

    private static final Properties SHORTCODES = load();

    private MarpEmoji() {
    }

    private static Properties load() {
        Properties shortcodes = new Properties();
        try (InputStream in = MarpEmoji.class.getResourceAsStream("/marp/emoji-shortcodes.properties")) {
            shortcodes.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shortcodes;
    }

    /**
     * The text with every known {@code :name:} replaced by its emoji. A colon that does not close a known name may
     * open the next one ({@code :x:wave:} gives {@code :x👋}), as markdown-it-emoji's scan does.
     */
    static String replace(String text) {
        int open = text.indexOf(':');
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (open >= 0) {
            int close = text.indexOf(':', open + 1);
            if (close < 0) {
                break;
            }
            String emoji = SHORTCODES.getProperty(text.substring(open + 1, close));
            if (emoji != null && close > open + 1) {
                out.append(text, copied, open).append(emoji);
                copied = close + 1;
                open = text.indexOf(':', close + 1);
            } else {
                open = close;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
