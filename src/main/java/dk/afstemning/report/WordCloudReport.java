package dk.afstemning.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.afstemning.text.CloudWords;
import dk.afstemning.poll.Poll;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.text.TextNormalizer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteText;

/**
 * {@code wordcloud}: per round the words of the shown entries, merged as the live cloud merges them
 * ({@link CloudWords#merge}: one word per merge key, shown in its most common spelling, most entries first), each with
 * the participants who wrote it and their share of n with a 95% Wilson interval (a participant's answer holds a word
 * at most once, so this is a proportion); and the number of hidden entries (profanity filter), which count in no word.
 * n is the participants who answered the round, whether or not their entries are shown.
 */
class WordCloudReport implements TypeReport {

    @Override
    public String type() {
        return "wordcloud";
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        return new RoundCounts(KeptVotes.voters(poll.id, round), Map.of(), Map.of(), Map.of(),
                KeptVotes.shownSpellings(poll.id, round), List.of(), KeptVotes.texts(poll.id, round, VoteText.HIDDEN));
    }

    /**
     * The round's words, or, when {@code options} are given (the pooled words of a question across talks), exactly
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
    public VoteAnswer answer(Vote vote) {
        return TypeReports.textsOf(vote);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }
}
