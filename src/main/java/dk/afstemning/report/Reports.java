package dk.afstemning.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.reaction.ReactionStore;
import dk.afstemning.stats.Comparisons;

/** The records of organiser reports and exports; every one is also the JSON shape of the API and the JSON export. */
public final class Reports {

    private Reports() {
    }

    /**
     * A poll of a talk with every round.
     *
     * @param pollId the poll's deck id ({@code id:} in the poll block)
     * @param type the poll type, e.g. {@code choice}
     * @param question the question
     * @param status DRAFT, OPEN or CLOSED
     * @param rounds rounds 1 to the current one
     */
    public record PollReport(String pollId, String type, String question, String status, List<RoundStat> rounds) {
    }

    /**
     * A talk as organisers look back on it.
     *
     * @param talkId the talk's number
     * @param title deck title
     * @param speaker may be null
     * @param venue may be null
     * @param date may be null
     * @param joinCode the join code
     * @param participants everyone who joined
     * @param polls the talk's polls in slide order
     */
    public record TalkReport(long talkId, String title, String speaker, String venue, LocalDate date, String joinCode,
            long participants, List<PollReport> polls) {
    }

    /**
     * One stored vote, for the raw-votes part of an export.
     *
     * @param talkId the talk
     * @param talkTitle its title
     * @param pollId the poll's deck id
     * @param pollType the poll's type, e.g. {@code multiple}
     * @param question the question
     * @param round the round
     * @param participant the participant's pseudonym, stable within the talk only ({@link Pseudonyms})
     * @param answer what the participant answered, in the fields of the poll's type
     * @param castAt when the vote was cast or last changed, ISO 8601 with offset (UTC)
     */
    public record VoteRow(long talkId, String talkTitle, String pollId, String pollType, String question, int round,
            String participant, VoteAnswer answer, OffsetDateTime castAt) {
    }

    /**
     * A talk's export: the report and every stored vote.
     *
     * @param talk the report
     * @param votes every stored vote of the talk, by poll, round and time
     * @param reactions the reactions per slide (counted on the slide the show was on when each arrived), in slide
     *        order, slides without any left out
     */
    public record TalkExport(TalkReport talk, List<VoteRow> votes, List<QaRow> qa,
            List<ReactionStore.SlideReactions> reactions) {

        /** A talk's export without its Q&amp;A questions and reactions. */
        public TalkExport(TalkReport talk, List<VoteRow> votes) {
            this(talk, votes, List.of(), List.of());
        }
    }

    /**
     * One question of a talk's Q&amp;A, for the talk page and the exports.
     *
     * @param participant the asker's pseudonym, stable within the talk only (as in the votes)
     * @param nickname the nickname as the participant gave it, or null
     * @param status {@code shown}, {@code waiting} (pre-moderation) or {@code hidden} (by the presenter)
     * @param askedAt when it was asked (UTC)
     */
    public record QaRow(long talkId, String talkTitle, long questionId, String text, String nickname,
            String participant, int upvotes, String status, boolean answered, java.time.Instant askedAt) {

        /** {@link #askedAt} as the UTC date and time pages write (with "UTC", shown in the reader's zone by script). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public java.time.LocalDateTime askedAtUtc() {
            return java.time.LocalDateTime.ofInstant(askedAt, java.time.ZoneOffset.UTC);
        }
    }

    /**
     * A poll id that occurs in one or more talks.
     *
     * @param pollId the deck id shared by the polls
     * @param question the question of the most recent talk's poll
     * @param talks how many talks have it
     * @param votes votes in the rounds compared (the latest round with votes of each talk)
     */
    public record QuestionSummary(String pollId, String question, long talks, long votes) {
    }

    /**
     * One talk's answers to a question shared across talks.
     *
     * @param talkId the talk
     * @param title its title
     * @param date its date, may be null
     * @param venue its venue, may be null
     * @param round the round compared: the one the organiser chose, else the round with the most participants who
     *        answered (the latest of equals; the current one when none has votes)
     * @param stat counts, shares and intervals of that round
     * @param rounds the poll's rounds in that talk (1 to this)
     * @param chosen whether the organiser chose the round (else it is the default)
     */
    public record TalkAnswers(long talkId, String title, LocalDate date, String venue, int round, RoundStat stat,
            int rounds, boolean chosen) {

        /** A talk compared at its default round. */
        public TalkAnswers(long talkId, String title, LocalDate date, String venue, int round, RoundStat stat) {
            this(talkId, title, date, venue, round, stat, round, false);
        }
    }

    /**
     * A two-proportion test between two talks, for questions with exactly two options: the share choosing the first
     * option.
     *
     * @param talkA first talk
     * @param talkB second talk
     * @param optionId the option whose shares are compared
     * @param test the test, null when it cannot be computed (a talk without votes, or everyone chose the same)
     */
    public record PairTest(long talkA, long talkB, String optionId, Comparisons.TwoProportions test) {
    }

    /**
     * The same question across talks.
     *
     * @param pollId the shared deck id
     * @param type the poll type of the most recent talk's poll
     * @param question the question of the most recent talk's poll
     * @param options the union of options over the talks, by option id, in first-seen order
     * @param talks each talk's answers, by talk date then id
     * @param pooled every talk's counts added up (round number 0)
     * @param chiSquare chi-square test of homogeneity across talks, null when fewer than two talks have votes, and for
     *        multiple and ranking (a vote there counts in several items, so the table is no contingency table)
     * @param pairs pairwise two-proportion tests, only when the question has exactly two options
     */
    public record QuestionReport(String pollId, String type, String question, List<OptionKey> options, List<TalkAnswers> talks,
            RoundStat pooled, Comparisons.ChiSquare chiSquare, List<PairTest> pairs) {
    }

    /**
     * A question's export: the comparison and every vote of the compared rounds.
     *
     * @param question the comparison
     * @param votes the votes behind it
     */
    public record QuestionExport(QuestionReport question, List<VoteRow> votes) {
    }
}
