package dk.afstemning.results;

import java.util.List;

/**
 * The results of one round of a poll, read from stored votes. Also the body of the live {@code results} message.
 *
 * @param type always {@code "results"}, so the record is its own WebSocket message
 * @param pollId the poll's deck id
 * @param question the question
 * @param status DRAFT, OPEN or CLOSED
 * @param round the round these results are of, from 1
 * @param currentRound the poll's current round
 * @param version grows with every change of the poll; clients drop a message whose version is not newer
 * @param resultsVisible false while a {@code results: hidden} poll is not revealed, and while a quiz (a type that
 *        {@code hidesResultsWhileOpen}) is open: then every count and percent is null, and details are null
 * @param remainingMs milliseconds until the server closes the poll by itself, or null when no countdown runs
 * @param total number of votes in the round (participants who answered)
 * @param counts one entry per active option, in option order (choice, quiz, multiple; for a multiple choice the
 *        count is the participants who chose the option and the percent is of {@code total}); empty for scale,
 *        slider and ranking
 * @param pollType the poll's type: choice, multiple, scale, slider, ranking, quiz, wordcloud or open
 * @param details the type's own results (null for choice, and while results are hidden): multiple {@code {min,max}};
 *        scale and slider {@code {min,max,low,high,bars:[{from,to,count}],mean,median}}; ranking
 *        {@code {options,items:[{optionId,text,averageRank,borda,first}]}}; quiz
 *        {@code {correctOptionIds,correctVotes,leaderboard}} (filled once the poll is closed); wordcloud
 *        {@code {maxEntries,maxChars,entries,distinct,words:[{text,count,x,y,size}]}}; open
 *        {@code {maxChars,moderation,shown,answers:[{id,text}]}} (shown answers only, newest first)
 * @param compare the results of the earlier round the presenter shows beside this one (before/after), or null; its own
 *        {@code compare} is always null
 * @param phoneResults when phones show these results: {@code after-vote}, {@code after-close} or {@code never}
 *        ({@link PhoneResults})
 */
public record PollResults(String type, String pollId, String question, String status, int round, int currentRound,
        long version, boolean resultsVisible, Long remainingMs, long total, List<OptionCount> counts, String pollType,
        Object details, PollResults compare, String phoneResults) {

    /**
     * @param optionId the option's id
     * @param text the option text
     * @param count votes for the option, null while results are hidden
     * @param percent share of the round's votes in whole percent, rounded half up (0 when there are no votes), null
     *        while results are hidden
     */
    public record OptionCount(long optionId, String text, Long count, Integer percent) {
    }
}
