package dk.afstemning.polltype.wordcloud;

import java.util.ArrayList;
import java.util.List;

import dk.afstemning.text.CloudWords;
import dk.afstemning.text.Graphemes;

/**
 * Lays out a word cloud on the server, so that every screen shows the same cloud and the words stay real, selectable
 * text (positioned elements that screen readers read). The method is Jonathan Feinberg's for Wordle ("Wordle", in
 * J. Steele and N. Iliinsky (eds.), Beautiful Visualization, O'Reilly 2010, ch. 3): words in decreasing weight, each
 * placed at the centre and then moved outwards along a spiral until its box overlaps no word placed before. Here the
 * boxes are estimated from the number of user-visible characters (no font metrics on the server), the spiral is
 * Archimedean ({@code r = 4·θ} units, stretched to the box's aspect ratio), and nothing is random, so the same counts
 * always give the same cloud.
 *
 * <p>Coordinates are in a box {@value #WIDTH} × {@value #HEIGHT} units; {@code x}, {@code y} are the word's centre and
 * {@code size} its font size in the same units (a page scales the box to its width).
 */
public final class CloudLayout {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    static final double MIN_SIZE = 40;
    static final double MAX_SIZE = 120;
    /** The fewest entries that reach {@link #MAX_SIZE}: below it, one more entry is no giant step. */
    static final long FULL_SIZE_ENTRIES = 4;
    /** The factor by which a cloud whose words do not all fit is laid out again smaller. */
    static final double SHRINK = 0.85;
    /** The smallest share of {@link #size} a cloud is laid out at; words that still find no room are left out. */
    static final double LEAST_SCALE = 0.5;
    private static final int MAX_STEPS = 4000;
    private static final double NARROW_EMS = 0.66;

    private CloudLayout() {
    }

    /**
     * A word and where it goes.
     *
     * @param text the word as shown
     * @param count entries merged into it
     * @param x centre, 0–{@value #WIDTH}, or null when it did not fit (it is still listed in the table)
     * @param y centre, 0–{@value #HEIGHT}, or null
     * @param size font size in box units, or null
     */
    public record Placed(String text, long count, Integer x, Integer y, Integer size) {
    }

    private record Box(double x0, double y0, double x1, double y1) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }

        boolean inside() {
            return x0 >= 0 && y0 >= 0 && x1 <= WIDTH && y1 <= HEIGHT;
        }
    }

    /**
     * Places {@code words} (most entries first, as {@link CloudWords#merge} orders them). The font size is
     * {@link #size}; a word wider than the box is made smaller until it fits. When not every word finds room, the whole
     * cloud is laid out again with every size {@value #SHRINK} times smaller (down to {@value #LEAST_SCALE} of
     * {@link #size}), so the words keep their proportions and as many as possible are shown.
     */
    public static List<Placed> layout(List<CloudWords.Word> words) {
        List<Placed> placed = layout(words, 1);
        for (double scale = SHRINK; scale >= LEAST_SCALE && placed.stream().anyMatch(p -> p.size() == null);
                scale *= SHRINK) {
            placed = layout(words, scale);
        }
        return placed;
    }

    private static List<Placed> layout(List<CloudWords.Word> words, double scale) {
        long most = words.stream().mapToLong(CloudWords.Word::count).max().orElse(1);
        List<Box> taken = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        for (CloudWords.Word word : words) {
            double ems = ems(word.text());
            double size = Math.min(size(word.count(), most) * scale, (WIDTH - 20) / ems);
            Box box = find(ems * size, size * 1.15, taken);
            if (box == null) {
                placed.add(new Placed(word.text(), word.count(), null, null, null));
            } else {
                taken.add(box);
                placed.add(new Placed(word.text(), word.count(), (int) Math.round((box.x0 + box.x1) / 2),
                        (int) Math.round((box.y0 + box.y1) / 2), (int) Math.round(size)));
            }
        }
        return placed;
    }

    /**
     * The font size of a word of {@code count} entries when the most any word has is {@code most}, in box units:
     * {@code 40 + 80 × √(count / max(most, 4))}. The area of a word, not its height, is what the eye compares, so the
     * size grows with the square root of the count; a floor of {@value #MIN_SIZE} keeps every word readable, and since
     * the scale is at least {@value #FULL_SIZE_ENTRIES} entries, a few entries never look like a landslide: counts 1
     * and 2 alone are 80 and 97 (not 40 and 120), every word of one entry is 80, and 1 beside 100 is 48.
     */
    static double size(long count, long most) {
        double scale = Math.max(most, FULL_SIZE_ENTRIES);
        return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.min(count, most) / scale);
    }

    private static Box find(double w, double h, List<Box> taken) {
        double stretch = (double) WIDTH / HEIGHT;
        for (int step = 0; step < MAX_STEPS; step++) {
            double theta = step * 0.1;
            double r = 4 * theta;
            double cx = WIDTH / 2.0 + r * Math.cos(theta) * stretch;
            double cy = HEIGHT / 2.0 + r * Math.sin(theta);
            Box box = new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
            if (box.inside() && taken.stream().noneMatch(box::overlaps)) {
                return box;
            }
        }
        return null;
    }

    /**
     * The estimated width of {@code text} in ems: 0.66 per narrow character (the words are drawn bold, and with 0.62
     * a user trial's "Kommunalbestyrelsen" came out wider than its box and was clipped), 1.1 per wide one (CJK, emoji). The presenter page still scales the cloud into its box by the real widths (fit.js).
     */
    static double ems(String text) {
        double ems = 0;
        int clusters = Graphemes.count(text);
        int wide = (int) text.codePoints().filter(c -> c >= 0x2E80).count();
        wide = Math.min(wide, clusters);
        ems += (clusters - wide) * NARROW_EMS + wide * 1.1;
        return Math.max(ems, NARROW_EMS);
    }
}
