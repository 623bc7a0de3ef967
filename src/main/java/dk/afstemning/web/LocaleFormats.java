package dk.afstemning.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * Numbers and dates in the page's language, for templates: {@code {fmt:number(total)}} gives 1.234,5 in Danish and 1,234.5
 * in English; {@code {fmt:longDate(talk.date)}} gives "2. november 2022" and "2 November 2022"; {@code {fmt:percent(p)}}
 * gives "67 %" and "67%"; {@code {fmt:dateTime(at)}} adds the time of day. The language is the template instance's locale ({@code setLocale}); English is British
 * English (day before month). Scripts format the same way with {@code Intl.NumberFormat} and the page's {@code lang}.
 */
@TemplateExtension(namespace = "fmt")
public final class LocaleFormats {

    private LocaleFormats() {
    }

    /** The locale whose conventions a page language uses: {@code da-DK} for Danish, {@code en-GB} otherwise. */
    public static Locale formatLocale(Object language) {
        String tag = language instanceof Locale locale ? locale.getLanguage() : String.valueOf(language);
        return tag.startsWith("da") ? Locale.forLanguageTag("da-DK") : Locale.UK;
    }

    /** A number with the language's grouping and decimal separators (at most 3 decimals); null gives "". */
    static String number(Number value, @TemplateAttribute("locale") Object locale) {
        return value == null ? "" : NumberFormat.getNumberInstance(formatLocale(locale)).format(value);
    }

    /** Whole percent (67 for 67 %) with the language's percent sign; null gives "". */
    static String percent(Number value, @TemplateAttribute("locale") Object locale) {
        return value == null ? "" : NumberFormat.getPercentInstance(formatLocale(locale)).format(value.doubleValue() / 100);
    }

    /**
     * A share's confidence interval as percent with one decimal: "23,4–61,0 %" in Danish, "23.4–61.0%" in English;
     * null (no votes) gives "–".
     */
    static String shareInterval(dk.afstemning.stats.Interval interval, @TemplateAttribute("locale") Object locale) {
        if (interval == null) {
            return "–";
        }
        NumberFormat lower = NumberFormat.getNumberInstance(formatLocale(locale));
        NumberFormat upper = NumberFormat.getPercentInstance(formatLocale(locale));
        for (NumberFormat f : new NumberFormat[] { lower, upper }) {
            f.setMinimumFractionDigits(1);
            f.setMaximumFractionDigits(1);
        }
        return lower.format(100 * interval.lower()) + "–" + upper.format(interval.upper());
    }

    /**
     * A date and time of day written out: "2. november 2022 14.05.30" in Danish, "2 November 2022 14:05:30" in English;
     * null gives "".
     */
    static String dateTime(LocalDateTime at, @TemplateAttribute("locale") Object locale) {
        return at == null ? ""
                : longDate(at.toLocalDate(), locale) + " " + DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                        .withLocale(formatLocale(locale)).format(at);
    }

    /** A date written out, as the language writes it in running text; null gives "". */
    static String longDate(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formatLocale(locale)).format(date);
    }
}
