package dk.afstemning.text;

import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * The key under which entries merge: "Tillid", " tillid ", "TILLID" and "Tillid" typed with a decomposed i (NFD) all
 * become {@code tillid}. Steps: Unicode NFC, full case folding (ICU {@code UCharacter.foldCase}, so "Straße" and
 * "STRASSE" merge), NFC again (folding may decompose), then leading and trailing white space removed and every inner
 * run of white space (any Unicode space, tab or line break) made one ASCII space. The key is for comparing, not for
 * showing: pages show text as typed.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+", Pattern.UNICODE_CHARACTER_CLASS);

    private TextNormalizer() {
    }

    /** The merge key of {@code text}; null for null. */
    public static String key(String text) {
        if (text == null) {
            return null;
        }
        String folded = NFC.normalize(UCharacter.foldCase(NFC.normalize(text), true));
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }
}
