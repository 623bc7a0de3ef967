package dk.afstemning.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.export.CsvWriter;
import dk.afstemning.export.Table;
import dk.afstemning.export.XlsxWriter;
import dk.afstemning.report.Reports.QuestionExport;
import dk.afstemning.report.Reports.QuestionReport;
import dk.afstemning.report.Reports.QuestionSummary;
import dk.afstemning.report.Reports.TalkExport;
import dk.afstemning.report.Reports.TalkReport;
import dk.afstemning.report.Tables;
import dk.afstemning.report.ReportService;
import dk.afstemning.report.RoundChoices;

/**
 * Organiser reports and exports (README "Organisers: results and exports"). Every route needs an organiser login;
 * without one the answer is 401.
 */
@Path("/api/organiser")
@RolesAllowed("organiser")
public class ReportResource {

    /** Media type of XLSX workbooks. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv; charset=UTF-8; header=present";

    @Inject
    ReportService reports;

    @GET
    @Path("talks/{id}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A talk's polls with every round: n, counts, shares and 95% Wilson intervals")
    public TalkReport talk(@PathParam("id") long id) {
        return reports.talk(id);
    }

    @GET
    @Path("talks/{id}/export.csv")
    @Operation(summary = "Every stored vote of a talk as CSV, one row per vote (word cloud, open text: per entry), participants as pseudonyms")
    public Response talkVotesCsv(@PathParam("id") long id) {
        return csv(Tables.votes(reports.talkExport(id).votes()), "talk-" + id + "-votes.csv");
    }

    @GET
    @Path("talks/{id}/results.csv")
    @Operation(summary = "A talk's results as CSV, one row per option (or value, or bin) per round")
    public Response talkResultsCsv(@PathParam("id") long id) {
        return csv(Tables.results(reports.talk(id)), "talk-" + id + "-results.csv");
    }

    @GET
    @Path("talks/{id}/export.json")
    @Operation(summary = "A talk's report and every stored vote as JSON")
    public Response talkJson(@PathParam("id") long id) {
        return json(reports.talkExport(id), "talk-" + id + ".json");
    }

    @GET
    @Path("talks/{id}/export.xlsx")
    @Operation(summary = "A talk as XLSX: one sheet per poll, a sheet of raw votes, one of Q&A questions, one of reactions per slide and the codebook")
    public Response talkXlsx(@PathParam("id") long id) {
        TalkExport export = reports.talkExport(id);
        TalkReport talk = export.talk();
        List<Table> sheets = new ArrayList<>();
        talk.polls().forEach(p -> sheets.add(Tables.results(talk, p)));
        sheets.add(Tables.votes(export.votes()));
        sheets.add(Tables.questions(export.qa()));
        sheets.add(Tables.reactions(talk.talkId(), talk.title(), export.reactions()));
        return xlsx(sheets, "talk-" + id + ".xlsx");
    }

    @GET
    @Path("talks/{id}/questions.csv")
    @Operation(summary = "A talk's Q&A questions as CSV: text, nickname, pseudonym, upvotes, status, answered, time")
    public Response talkQuestionsCsv(@PathParam("id") long id) {
        return csv(Tables.questions(reports.qa(reports.talk(id).talkId())), "talk-" + id + "-questions.csv");
    }

    @GET
    @Path("talks/{id}/reactions.csv")
    @Operation(summary = "A talk's reactions per slide as CSV: one row per slide with reactions, a column per kind and the total")
    public Response talkReactionsCsv(@PathParam("id") long id) {
        TalkReport talk = reports.talk(id);
        return csv(Tables.reactions(talk.talkId(), talk.title(), reports.reactions(id)), "talk-" + id + "-reactions.csv");
    }

    @GET
    @Path("questions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every poll id with the number of talks that have it")
    public List<QuestionSummary> questions() {
        return reports.questions();
    }

    @GET
    @Path("questions/{pollKey}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same question across talks: each talk, the pooled total, chi-square and pairwise tests")
    public QuestionReport question(@PathParam("pollKey") String pollKey, @Context UriInfo uri) {
        return reports.question(pollKey, RoundChoices.of(uri.getQueryParameters()));
    }

    @GET
    @Path("questions/{pollKey}/export.csv")
    @Operation(summary = "The votes behind a question across talks as CSV, one row per vote")
    public Response questionVotesCsv(@PathParam("pollKey") String pollKey, @Context UriInfo uri) {
        return csv(Tables.votes(reports.questionExport(pollKey, RoundChoices.of(uri.getQueryParameters())).votes()), "question-" + safe(pollKey) + "-votes.csv");
    }

    @GET
    @Path("questions/{pollKey}/results.csv")
    @Operation(summary = "A question across talks as CSV: one row per talk and option, then the pooled rows")
    public Response questionResultsCsv(@PathParam("pollKey") String pollKey, @Context UriInfo uri) {
        return csv(Tables.results(reports.question(pollKey, RoundChoices.of(uri.getQueryParameters()))), "question-" + safe(pollKey) + "-results.csv");
    }

    @GET
    @Path("questions/{pollKey}/tests.csv")
    @Operation(summary = "The tests of a question across talks as CSV: chi-square, then pairwise z-tests")
    public Response questionTestsCsv(@PathParam("pollKey") String pollKey, @Context UriInfo uri) {
        return csv(Tables.tests(reports.question(pollKey, RoundChoices.of(uri.getQueryParameters()))), "question-" + safe(pollKey) + "-tests.csv");
    }

    @GET
    @Path("questions/{pollKey}/export.json")
    @Operation(summary = "A question across talks and the votes behind it as JSON")
    public Response questionJson(@PathParam("pollKey") String pollKey, @Context UriInfo uri) {
        return json(reports.questionExport(pollKey, RoundChoices.of(uri.getQueryParameters())), "question-" + safe(pollKey) + ".json");
    }

    @GET
    @Path("questions/{pollKey}/export.xlsx")
    @Operation(summary = "A question across talks as XLSX: results, tests, raw votes and the codebook")
    public Response questionXlsx(@PathParam("pollKey") String pollKey, @Context UriInfo uri) {
        QuestionExport export = reports.questionExport(pollKey, RoundChoices.of(uri.getQueryParameters()));
        return xlsx(List.of(Tables.results(export.question()), Tables.tests(export.question()),
                Tables.votes(export.votes())), "question-" + safe(pollKey) + ".xlsx");
    }

    @GET
    @Path("codebook.csv")
    @Operation(summary = "The codebook: every column of every export table, its type and meaning")
    public Response codebookCsv() {
        return csv(Tables.codebook(), "codebook.csv");
    }

    /** A poll id made safe for a file name: letters, digits, dot, dash and underscore; anything else becomes _. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** One table as a CSV download named {@code afstemning-<filename>}. */
    private static Response csv(Table table, String filename) {
        return file(CsvWriter.write(table), CSV, filename);
    }

    /** A report as a JSON download. */
    private static Response json(Object body, String filename) {
        return file(body, MediaType.APPLICATION_JSON, filename);
    }

    /** The tables as sheets of an XLSX download, followed by their codebook. */
    private static Response xlsx(List<Table> sheets, String filename) {
        List<Table> all = new ArrayList<>(sheets);
        all.add(Tables.codebook(sheets));
        return file(XlsxWriter.write(all), XLSX, filename);
    }

    private static Response file(Object body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"afstemning-" + filename
                + "\"").build();
    }
}
