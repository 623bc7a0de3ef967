package dk.afstemning.security;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A token-bucket limit as written in the configuration: {@code 5/s burst 20} means up to 20 at once, then 5 a second
 * on average. The unit is {@code s}, {@code min} or {@code h}; without {@code burst} the burst equals the rate.
 *
 * @param tokens how many are refilled every {@code period}
 * @param period the refill period
 * @param burst how many may come at once (the bucket's size)
 */
public record Rate(long tokens, Duration period, long burst) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*/\\s*(s|min|h)(?:\\s+burst\\s+(\\d{1,9}))?");

    public Rate {
        if (tokens < 1 || burst < 1) {
            throw new IllegalArgumentException("A rate and its burst must be at least 1");
        }
    }

    /** Parses {@code <n>/<s|min|h> [burst <m>]}, e.g. {@code 10/s burst 600}. */
    public static Rate parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("A limit is written like '5/s burst 20' (unit s, min or h), not '"
                    + text + "'");
        }
        long tokens = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "min" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new Rate(tokens, period, m.group(3) == null ? tokens : Long.parseLong(m.group(3)));
    }

    /** How long an empty bucket takes to fill up again; after that an unused bucket is as good as new. */
    public Duration timeToFill() {
        return period.multipliedBy(burst).dividedBy(tokens).plusMillis(1);
    }

    @Override
    public String toString() {
        String unit = period.equals(Duration.ofSeconds(1)) ? "s" : period.equals(Duration.ofMinutes(1)) ? "min" : "h";
        return tokens + "/" + unit + " burst " + burst;
    }

    /** Reads {@link Rate} values from the configuration. */
    public static class RateConverter implements Converter<Rate> {
        @Override
        public Rate convert(String value) {
            return parse(value);
        }
    }
}
