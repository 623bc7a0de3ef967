package dk.afstemning.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import dk.afstemning.polltype.open.OpenType;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.results.PhoneResults;
import dk.afstemning.results.PollResults;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.NumberAnswer;
import dk.afstemning.vote.OptionAnswer;
import dk.afstemning.vote.OptionsAnswer;
import dk.afstemning.vote.TextsAnswer;

/**
 * The phone's screen of a talk for one participant: built once by {@link ParticipantViews}, rendered as the participant
 * page on the first load and sent as the socket's {@code state} message on (re)connecting.
 *
 * @param participantId database id of the participant
 * @param token the participant's token, for the cookie
 * @param nickname the participant's quiz nickname, or null
 * @param show the current slide; the phone shows its poll, or a waiting screen
 * @param polls one entry per active poll, in slide order
 */
public record ParticipantView(TalkHeader talk, long participantId, String token, String nickname, ShowState show,
        List<ParticipantPoll> polls) {

    /** True when no poll is on the current slide: the phone shows the waiting screen. */
    public boolean waiting() {
        return polls.stream().noneMatch(ParticipantPoll::current);
    }

    /** An option as a phone shows it. */
    public record Option(Long id, String text) {
    }

    /**
     * A poll as the participant sees it; {@code myAnswer} is the visitor's answer in the current round (or null), and
     * {@code current} whether it is the poll of the slide the presenter shows now (only that one is visible).
     * {@code min}/{@code max} are a multiple choice's selections or a scale's ends; {@code low}/{@code high} a scale's
     * end labels or a slider's poles; {@code max} is also a word cloud's entries per participant, {@code maxChars} the
     * characters per text entry and {@code moderation} whether open answers wait for the presenter.
     *
     * @param remainingMs milliseconds until the server closes the poll by its countdown, or null
     * @param phoneResults when the phone shows the results: {@code after-vote}, {@code after-close} or {@code never}
     * @param results the current round's results when the phone shows them now ({@link PhoneResults}), else null
     * @param myResult the participant's own result of the closed poll when its type has one (a quiz's
     *        {@code quiz-result}), else null; only for the poll of the current slide
     */
    public record ParticipantPoll(String id, String type, String question, PollStatus status, int round, long version,
            boolean allowChange, List<Option> options, Answer myAnswer, boolean current, Integer min, Integer max,
            String low, String high, Integer maxChars, Boolean moderation, Long remainingMs, String phoneResults,
            PollResults results, Object myResult) {

        /** Word cloud: one text field per entry the participant may give, holding their entries so far. */
        public List<String> entryFields() {
            int n = max == null ? 3 : max;
            List<String> texts = myAnswer instanceof TextsAnswer t ? t.texts() : List.of();
            return IntStream.range(0, n).mapToObj(i -> i < texts.size() ? texts.get(i) : "").toList();
        }

        /** Open text: the most answers a participant may send in a round. */
        public int maxOpenAnswers() {
            return OpenType.MAX_ANSWERS;
        }

        /** Open text: whether answers wait for the presenter. */
        public boolean moderated() {
            return moderation == null || moderation;
        }

        /** The visitor's chosen option (choice, quiz), or null. */
        public Long myOptionId() {
            return Answer.optionIdOf(myAnswer);
        }

        /** Whether the visitor's answer holds this option (choice, quiz, multiple). */
        public boolean chose(long optionId) {
            return myAnswer instanceof OptionAnswer one && one.optionId() == optionId
                    || myAnswer instanceof OptionsAnswer several && several.optionIds().contains(optionId);
        }

        /** Whether the visitor's answer is this number (scale). */
        public boolean chose(int value) {
            return myAnswer instanceof NumberAnswer number && number.value() == value;
        }

        /** The points of a scale, from min to max. */
        public List<Integer> values() {
            int lo = min == null ? 1 : min;
            int hi = max == null ? 5 : max;
            return IntStream.rangeClosed(lo, hi).boxed().toList();
        }

        /** The slider's position: the visitor's answer, or the middle. */
        public int sliderValue() {
            return myAnswer instanceof NumberAnswer number ? number.value() : 50;
        }

        /** The options in the visitor's ranking order, or in deck order before ranking. */
        public List<Option> ranked() {
            if (!(myAnswer instanceof OptionsAnswer ranking)) {
                return options;
            }
            List<Option> ordered = new ArrayList<>(options);
            ordered.sort(Comparator.comparingInt(o -> {
                int i = ranking.optionIds().indexOf(o.id());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            return ordered;
        }
    }
}
