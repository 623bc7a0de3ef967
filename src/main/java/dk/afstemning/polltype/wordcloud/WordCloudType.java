package dk.afstemning.polltype.wordcloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.Pruning;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.polltype.ReportParts;
import dk.afstemning.polltype.RoundCounts;
import dk.afstemning.polltype.TextEntries;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.text.CloudWords;
import dk.afstemning.text.TextNormalizer;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.TextsAnswer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;
import dk.afstemning.vote.VoteText;

/**
 * {@code wordcloud}: up to {@code max-entries} short entries per participant ({@code {"texts": ["Tillid", "Tid"]}});
 * a changed answer replaces the whole set. Entries merge under their {@code TextNormalizer} key and are shown in their
 * most common spelling ({@link CloudWords#merge}), laid out by {@link CloudLayout}. With the profanity filter on (the
 * default), an entry with a listed word is stored but hidden: it counts nowhere and the participant is not told, as
 * Mentimeter does. The report gives per round the words of the shown entries, each with the participants who wrote it
 * and their share of n with a 95% Wilson interval (a participant's answer holds a word at most once, so this is a
 * proportion), and the number of hidden entries. n is the participants who answered the round.
 */
@ApplicationScoped
public class WordCloudType implements PollType {

    /** Default and greatest {@code max-entries}. */
    static final int DEFAULT_ENTRIES = 3;
    static final int MAX_ENTRIES = 10;
    /** Default and greatest {@code max-chars}. */
    static final int DEFAULT_CHARS = 25;
    static final int MAX_CHARS = 50;
    /** Most words listed in the results (most entries first); the cloud lays out as many as fit. */
    static final int MAX_WORDS = 100;

    /**
     * @param maxEntries most entries per participant
     * @param maxChars most user-visible characters per entry
     * @param entries entries counted in the round (hidden ones not included)
     * @param distinct different words after merging
     * @param words the {@value #MAX_WORDS} most common words with their place in the cloud
     */
    public record Details(int maxEntries, int maxChars, long entries, int distinct, List<CloudLayout.Placed> words) {
    }

    @Override
    public String name() {
        return "wordcloud";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("max-entries", "max-chars", "profanity-filter");
    }

    @Override
    public boolean hasOptions() {
        return false;
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        int max = keys.count("max-entries", DEFAULT_ENTRIES, MAX_ENTRIES);
        int maxChars = keys.count("max-chars", DEFAULT_CHARS, MAX_CHARS);
        return new DeckSettings(null, max, null, null, List.of(), maxChars, keys.onOff("profanity-filter"), null);
    }

    @Override
    public boolean takesTexts() {
        return true;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        return Answer.texts(TextEntries.check(poll, answer, maxEntries(poll), maxChars(poll)));
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        VoteText.deleteByVote(vote);
        int position = 0;
        for (String text : ((TextsAnswer) answer).texts()) {
            VoteText.add(vote, position++, text, TextNormalizer.key(text),
                    TextEntries.status(vote.poll, text, VoteText.SHOWN));
        }
    }

    @Override
    public Answer answerOf(Vote vote, VoteRows rows) {
        return Answer.texts(rows.texts(vote).stream().map(t -> t.text).toList());
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return details(poll, KeptVotes.shownSpellings(poll.id, round));
    }

    @Override
    public Map<Long, Object> details(List<Poll> polls, Map<Long, List<PollOption>> options) {
        return PollType.detailsOf(polls, KeptVotes.shownSpellings(PollType.rounds(polls)),
                (p, read) -> details(p, read));
    }

    private Details details(Poll poll, List<CloudWords.Spelling> spellings) {
        List<CloudWords.Word> words = CloudWords.merge(spellings);
        long entries = words.stream().mapToLong(CloudWords.Word::count).sum();
        return new Details(maxEntries(poll), maxChars(poll), entries, words.size(),
                CloudLayout.layout(words.subList(0, Math.min(words.size(), MAX_WORDS))));
    }

    /** The shown entries per merge key and spelling (the word cloud of a pruned round). */
    @Override
    public void keep(Pruning pruning) {
        pruning.run("merge into word_tally k using (select o.poll_id, o.round, t.merge_key, t.text,"
                + " count(*) as n, min(t.id) as first_id from " + pruning.old() + " join vote_text t on t.vote_id = o.id"
                + " where o.type = ?2 and t.status = 'shown' group by o.poll_id, o.round, t.merge_key, t.text) s"
                + " on (k.poll_id = s.poll_id and k.round = s.round and k.merge_key = s.merge_key and k.text = s.text)"
                + " when matched then update set entries = k.entries + s.n, first_id = least(k.first_id, s.first_id)"
                + " when not matched then insert (poll_id, round, merge_key, text, entries, first_id)"
                + " values (s.poll_id, s.round, s.merge_key, s.text, s.n, s.first_id)");
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        return new RoundCounts(KeptVotes.voters(poll.id, round), Map.of(), Map.of(), Map.of(),
                KeptVotes.shownSpellings(poll.id, round), List.of(), KeptVotes.texts(poll.id, round, VoteText.HIDDEN));
    }

    /**
     * The round's words (merged as the live cloud merges them: one word per merge key, in its most common spelling,
     * most entries first), or, when {@code options} are given (the pooled words of a question across talks), exactly
     * those words in that order, matched by merge key, with 0 for a word the round does not have.
     */
    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        List<CloudWords.Word> merged = CloudWords.merge(counts.spellings());
        if (!options.isEmpty()) {
            Map<String, Long> byKey = new HashMap<>();
            merged.forEach(w -> byKey.merge(TextNormalizer.key(w.text()), w.count(), Long::sum));
            merged = options.stream().map(o -> new CloudWords.Word(o.text(),
                    byKey.getOrDefault(TextNormalizer.key(o.text()), 0L))).toList();
        }
        List<OptionStat> words = new ArrayList<>();
        for (CloudWords.Word w : merged) {
            words.add(OptionStat.of(null, words.size() + 1, w.text(), w.count(), counts.n()));
        }
        return new RoundStat(round, counts.n(), SmallSample.warnN(counts.n()), words, null, counts.hidden(), null);
    }

    @Override
    public VoteAnswer answer(Vote vote, VoteRows rows) {
        return ReportParts.textsOf(vote, rows);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }

    static int maxEntries(Poll poll) {
        return poll.maxAnswers == null ? DEFAULT_ENTRIES : poll.maxAnswers;
    }

    static int maxChars(Poll poll) {
        return poll.maxChars == null ? DEFAULT_CHARS : poll.maxChars;
    }
}
