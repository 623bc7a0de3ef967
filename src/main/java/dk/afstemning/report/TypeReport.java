package dk.afstemning.report;

import java.util.List;

import dk.afstemning.poll.Poll;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.Vote;

/**
 * How one poll type ({@link dk.afstemning.answer.QuestionType}) shows in organiser reports and exports: which counts a
 * round is read into, the statistics made from them, and a stored vote's answer. Every report, page and export (CSV,
 * JSON, XLSX, codebook) goes through this, so a new type plugs in by implementing it and registering in
 * {@link TypeReports}; the columns it fills are described in {@link dk.afstemning.report.Tables} (add a column there,
 * and a field to {@link Reports.OptionStat} or {@link VoteAnswer}, when a type has a new kind of number or answer).
 */
public interface TypeReport {

    /** The deck's {@code type:} value this reports on. */
    String type();

    /** The round's counts from the stored votes plus the aggregates kept of pruned ones ({@code results.KeptVotes}). */
    RoundCounts counts(Poll poll, int round);

    /**
     * The statistics of a round (or a pooled total).
     *
     * @param poll the poll (for its scale's range); for a pooled total, the most recent talk's
     * @param options the options in report order (for a question across talks, the union over talks)
     */
    RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options);

    /** A stored vote's answer. */
    VoteAnswer answer(Vote vote);

    /**
     * Whether every vote falls into exactly one item of {@link RoundStat#options()}, so that the items across talks form
     * a contingency table for a chi-square test (choice, quiz, scale, slider; not multiple or ranking).
     */
    boolean oneItemPerVote();
}
