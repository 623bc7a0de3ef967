package dk.afstemning.view;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.account.AccountService;
import dk.afstemning.organiser.TalkReports;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.share.ShareLink;
import dk.afstemning.share.ShareService;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkHeader;

/**
 * The read models of the organiser's pages that are not plain reports: a talk's results with its share links, a
 * shared results page, a talk to delete and the accounts list. Each is read in one transaction.
 */
@ApplicationScoped
@Transactional
public class OrganiserViews {

    @Inject
    TalkReports reports;

    @Inject
    ShareService shares;

    @Inject
    AccountService accounts;

    @Inject
    dk.afstemning.report.ReportService reportService;

    /** A live share link of a talk's results; {@code token} is the last segment of its address. */
    public record ShareLinkView(Long id, String token) {
    }

    /** An account as the accounts page lists it, with the talks a presenter account may present. */
    public record AccountView(Long id, String username, String role, List<TalkHeader> talks, boolean disabled) {
    }

    /**
     * A talk's results page for the organiser: the report, the live share links (oldest first), the Q&A questions and
     * the talk's presenter key, for the links a speaker without an account opens.
     */
    public record TalkPage(TalkReports.TalkReport report, List<ShareLinkView> links,
            List<dk.afstemning.report.Reports.QaRow> qa, String presenterKey) {
    }

    /** @throws ApiProblem 404 for an unknown talk */
    public TalkPage talkPage(long id) {
        TalkReports.TalkReport report = reports.report(id);
        if (report == null) {
            throw unknown(id);
        }
        Talk talk = Talk.findById(id);
        return new TalkPage(report,
                ShareLink.listActive(talk).stream().map(l -> new ShareLinkView(l.id, l.token)).toList(),
                reportService.qa(id), talk.presenterKey);
    }

    /** The report a live (not revoked) share token shows; empty for an unknown or revoked token. */
    public Optional<TalkReports.TalkReport> shared(String token) {
        return shares.talkOf(token).map(t -> reports.report(t.id));
    }

    /** @throws ApiProblem 404 for an unknown talk */
    public TalkHeader talk(long id) {
        return Talk.<Talk>findByIdOptional(id).map(TalkHeader::of).orElseThrow(() -> unknown(id));
    }

    /** Every account, by user name. */
    public List<AccountView> accounts() {
        return accounts.list().stream().map(a -> new AccountView(a.id, a.username, a.role,
                a.talks.stream().map(TalkHeader::of).toList(), a.disabled)).toList();
    }

    /**
     * The talks an account may present, newest first (by date, then title): a presenter account's assigned talks, or
     * every talk for an organiser.
     */
    public List<TalkHeader> myTalks(String username, boolean organiser) {
        List<Talk> talks = organiser
                ? Talk.<Talk>list("order by date desc nulls last, title")
                : Talk.getEntityManager().createQuery("select t from Account a join a.talks t where a.username = ?1"
                        + " order by t.date desc nulls last, t.title", Talk.class).setParameter(1, username)
                        .getResultList();
        return talks.stream().map(TalkHeader::of).toList();
    }

    /**
     * A talk's results as an account that may present it reads them: the report without share links.
     *
     * @throws ApiProblem 404 for an unknown talk, or one the account may not present
     */
    public TalkReports.TalkReport presentedReport(String joinCode, String username, String role) {
        Talk talk = Talk.findByJoinCode(joinCode).filter(t -> accounts.mayPresent(username, role, t.id))
                .orElseThrow(() -> ApiProblem.notFound("talk", "No talk of yours has the join code " + joinCode));
        return reports.report(talk.id);
    }

    /** A talk's Q&A questions as its results page lists them (for a presenter's results page too). */
    public List<dk.afstemning.report.Reports.QaRow> qa(long talkId) {
        return reportService.qa(talkId);
    }

    private static ApiProblem unknown(long id) {
        return ApiProblem.notFound("talk", "No talk has the id " + id);
    }
}
