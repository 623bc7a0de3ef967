package dk.afstemning.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.talk.Talk;

/**
 * A poll of a talk, identified within the talk by its deck id ({@link #key}). {@link #version} grows by one with every
 * change of votes or state, so live messages can be ordered; it is bumped by a guarded UPDATE that also serialises
 * votes against closing (see {@code VoteService}).
 */
@Entity
public class Poll extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "talk_id")
    public Talk talk;

    @Column(name = "poll_key", nullable = false)
    public String key;

    public String type;
    public String question;

    @Column(name = "slide_position")
    public Integer slidePosition;

    @Enumerated(EnumType.STRING)
    public PollStatus status;

    /** 1-based round; votes belong to a round. */
    public int round;

    public long version;

    /** True when the poll was removed from the deck: its votes are kept, it is no longer shown. */
    public boolean archived;

    /** {@code live}: counts show as votes arrive; {@code hidden}: only once {@link #revealed}. From the deck. */
    @Column(name = "results_mode")
    public String resultsMode;

    /**
     * When phones show the results: {@code after-vote} (the participants who voted in the current round),
     * {@code after-close} (every phone once the poll is closed) or {@code never}. From the deck's
     * {@code phone-results}, or its front matter's.
     */
    @Column(name = "phone_results")
    public String phoneResults = PHONE_RESULTS_DEFAULT;

    /** The {@code phone-results} of a deck that says nothing. */
    public static final String PHONE_RESULTS_DEFAULT = "after-vote";

    /** True when the presenter revealed the results of a {@code hidden} poll; reset with each round. */
    public boolean revealed;

    /** True when the presenter hid the results of a {@code live} poll; kept across rounds. */
    public boolean concealed;

    /** An earlier round the screen shows beside the current one (before/after), or null. */
    @Column(name = "compare_round")
    public Integer compareRound;

    /** Whether a participant may change a vote once cast. From the deck's {@code vote-changes}. */
    @Column(name = "allow_change")
    public boolean allowChange;

    /** Seconds from opening until the server closes the poll, or null. From the deck's {@code time-limit}. */
    @Column(name = "time_limit")
    public Integer timeLimit;

    /**
     * Fewest and most selections of a {@code multiple} poll, or the ends of a {@code scale}; null for other types.
     * From the deck's {@code min} and {@code max}.
     */
    @Column(name = "min_answers")
    public Integer minAnswers;

    @Column(name = "max_answers")
    public Integer maxAnswers;

    /** Labels at the low and high ends of a {@code scale}, or the poles of a {@code slider}; null otherwise. */
    @Column(name = "label_low")
    public String labelLow;

    @Column(name = "label_high")
    public String labelHigh;

    /** Most user-visible characters per text entry of a {@code wordcloud} or {@code open} poll; null otherwise. */
    @Column(name = "max_chars")
    public Integer maxChars;

    /** The poll block's {@code profanity-filter}, or null to follow the talk's ({@link #filtersProfanity()}). */
    @Column(name = "profanity_filter")
    public Boolean profanityFilter;

    /** {@code open}: whether answers wait for the presenter's approval (deck {@code moderation}, default on). */
    public Boolean moderation;

    /** Whether text entries of this poll are checked against the profanity lists. */
    public boolean filtersProfanity() {
        return profanityFilter != null ? profanityFilter : talk.profanityFilter;
    }

    /** When the poll was last opened (or its round started), on the server's clock; quiz speed counts from here. */
    @Column(name = "opened_at")
    public Instant openedAt;

    /** When the server closes this open poll by itself, or null for no countdown. */
    @Column(name = "closes_at")
    public Instant closesAt;

    /**
     * Whether counts may be shown now: a {@code hidden} poll once revealed in this round, a {@code live} poll unless the
     * presenter hid them.
     */
    public boolean resultsVisible() {
        return "hidden".equals(resultsMode) ? revealed : !concealed;
    }

    public static List<Poll> listByTalk(Talk talk) {
        return list("talk = ?1 order by slidePosition, id", talk);
    }

    public static List<Poll> listActiveByTalk(Talk talk) {
        return list("talk = ?1 and archived = false order by slidePosition, id", talk);
    }

    public static Optional<Poll> findByTalkAndKey(Talk talk, String key) {
        // No stored key holds U+0000 (deck ids are [a-z0-9_-]), and PostgreSQL refuses it even as a parameter.
        if (key == null || key.indexOf('\u0000') >= 0) {
            return Optional.empty();
        }
        return find("talk = ?1 and key = ?2", talk, key).firstResultOptional();
    }

    /**
     * Bumps the version if the poll is open, taking the row lock that orders this vote against a concurrent close.
     *
     * @param now the database's time ({@code DatabaseClock}), so every instance closes at the same moment
     * @return true when the poll was open (and its version was bumped)
     */
    public static boolean bumpVersionIfOpen(long pollId, Instant now) {
        return update("version = version + 1 where id = ?1 and status = ?2 and (closesAt is null or closesAt > ?3)",
                pollId, PollStatus.OPEN, now) == 1;
    }

    /** Open polls with a countdown, to schedule their closing after a restart. */
    public static List<Poll> listCountingDown() {
        return list("status = ?1 and closesAt is not null", PollStatus.OPEN);
    }

    /**
     * Whether the retention job has deleted votes of the current round (rows in {@code pruned_vote}, which the vote
     * store keeps; asked here in SQL so that polls need not know the vote store).
     */
    public boolean currentRoundPruned() {
        return ((Number) getEntityManager()
                .createNativeQuery("select count(*) from pruned_vote where poll_id = ?1 and round = ?2")
                .setParameter(1, id).setParameter(2, round).getSingleResult()).longValue() > 0;
    }
}
