package dk.afstemning.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.TemplateInstance;

import dk.afstemning.polltype.ReportItems;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.report.Reports.QuestionReport;
import dk.afstemning.report.Reports.QuestionSummary;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.report.RoundChoices;
import dk.afstemning.report.ReportService;
import dk.afstemning.report.Reports;

/**
 * The organiser pages of questions across talks: a list of poll ids, and one question's talks side by side with a
 * chart (Chart.js, drawn by {@code /js/question.js} from the JSON API) and the same numbers as an accessible table.
 */
@Path("/organiser/questions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class QuestionPages {

    @Inject
    ReportService reports;

    /**
     * One cell of the table: count, share in percent and the 95% interval, formatted for the page's language; for a
     * ranking {@code rank} holds the average place and the Borda points instead.
     */
    public record CellView(long count, String share, String ci, String rank) {
    }

    /**
     * One row of the table: a talk, or the pooled total.
     *
     * @param mean scale and slider: the mean with its 95% interval and the median, formatted; null for other types
     */
    public record RowView(String label, long n, boolean small, boolean pooled, List<CellView> cells, String mean,
            long talkId, int round, int rounds, boolean chosen) {
    }

    /** One pairwise test, formatted. */
    public record PairView(String talkA, String talkB, String z, String p) {
    }

    /** The page's view of a question; {@code chiSquare} is null when there is nothing to compare. */
    public record QuestionView(String pollId, String question, List<String> options, List<RowView> rows,
            Reports.QuestionReport report, String chiStatistic, String chiP, boolean chiSmall, List<PairView> pairs,
            String pairOption, String roundQuery) {

        /** Whether any talk has more than one round, so the page offers the choice. */
        public boolean anyRounds() {
            return rows.stream().anyMatch(r -> r.rounds() > 1);
        }
    }

    record questions(String lang, String otherLang, List<QuestionSummary> questions) implements TemplateInstance {
    }

    record question(String lang, String otherLang, QuestionView q) implements TemplateInstance {
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        String language = Languages.choose(lang, accept, null);
        return new questions(language, Languages.other(language), reports.questions())
                .setLocale(Locale.forLanguageTag(language));
    }

    @GET
    @Path("{pollKey}")
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("pollKey") String pollKey, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        String language = Languages.choose(lang, accept, null);
        Locale locale = Locale.forLanguageTag(language);
        java.util.Map<Long, Integer> chosen = RoundChoices.of(uri.getQueryParameters());
        QuestionReport report = reports.question(pollKey, chosen);
        List<RowView> rows = new ArrayList<>();
        report.talks().forEach(t -> rows.add(row(label(t, locale), t.stat(), false, locale, t)));
        rows.add(row(null, report.pooled(), true, locale, null));
        List<PairView> pairs = report.pairs().stream().map(p -> new PairView(title(report, p.talkA(), locale),
                title(report, p.talkB(), locale), p.test() == null ? "–" : decimal(p.test().z(), 3, locale),
                p.test() == null ? "–" : pValue(p.test().pValue(), locale))).toList();
        var chi = report.chiSquare();
        QuestionView view = new QuestionView(report.pollId(), report.question(),
                report.pooled().options().stream().map(OptionStat::text).toList(), rows, report,
                chi == null ? null : decimal(chi.statistic(), 2, locale), chi == null ? null : pValue(chi.pValue(), locale),
                chi != null && chi.small(), pairs, report.options().isEmpty() ? "" : report.options().get(0).text(),
                RoundChoices.query(chosen));
        return new question(language, Languages.other(language), view).setLocale(locale);
    }

    /** A talk's row label: title, date written out in the page's language, venue. */
    private static String label(Reports.TalkAnswers t, Locale locale) {
        StringBuilder label = new StringBuilder(t.title());
        if (t.date() != null) {
            label.append(" · ").append(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(LocaleFormats.formatLocale(locale)).format(t.date()));
        }
        if (t.venue() != null && !t.venue().isBlank()) {
            label.append(" · ").append(t.venue());
        }
        return label.toString();
    }

    private static String title(QuestionReport report, long talkId, Locale locale) {
        return report.talks().stream().filter(t -> t.talkId() == talkId).map(t -> label(t, locale)).findFirst()
                .orElse(String.valueOf(talkId));
    }

    private static RowView row(String label, RoundStat stat, boolean pooled, Locale locale, Reports.TalkAnswers talk) {
        List<CellView> cells = new ArrayList<>();
        for (OptionStat o : stat.options()) {
            // The language's own percent format, as the talk page writes it ("40,0 %" in Danish, "40.0%" in English).
            cells.add(new CellView(o.count(), share(o.share(), locale), LocaleFormats.shareInterval(o.ci95(), locale),
                    o.borda() == null ? null
                                    : (o.averageRank() == null ? "–" : decimal(o.averageRank(), 2, locale)) + " · "
                                            + o.borda()));
        }
        ReportItems.MeanStat m = stat.mean();
        String mean = m == null ? null : m.mean() == null ? "–" : decimal(m.mean(), 2, locale)
                + (m.ci95() == null ? "" : " (" + decimal(m.ci95().lower(), 2, locale) + "–"
                        + decimal(m.ci95().upper(), 2, locale) + ")")
                + " · " + decimal(m.median(), 1, locale);
        return new RowView(label, stat.n(), stat.smallN(), pooled, cells, mean, talk == null ? 0 : talk.talkId(),
                talk == null ? 0 : talk.round(), talk == null ? 0 : talk.rounds(), talk != null && talk.chosen());
    }

    private static String share(double share, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(LocaleFormats.formatLocale(
                locale.getLanguage()));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private static String decimal(double value, int places, Locale locale) {
        return String.format(locale, "%." + places + "f", value);
    }

    /** A p-value as people read it: below 0.001 as "&lt; 0.001", otherwise three decimals. */
    static String pValue(double p, Locale locale) {
        return p < 0.001 ? "< " + decimal(0.001, 3, locale) : decimal(p, 3, locale);
    }
}
