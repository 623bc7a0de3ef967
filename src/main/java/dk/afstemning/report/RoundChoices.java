package dk.afstemning.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.afstemning.problem.ApiProblem;

/**
 * The rounds an organiser chose for a question across talks, from query parameters {@code round.<talkId>=<round>}
 * (the question page's form, its API and its exports take the same ones). An empty value keeps that talk's default.
 */
public final class RoundChoices {

    private static final Pattern NAME = Pattern.compile("round\\.(\\d{1,18})");
    private static final Pattern ROUND = Pattern.compile("\\d{1,6}");

    private RoundChoices() {
    }

    /**
     * The chosen rounds by talk id.
     *
     * @throws ApiProblem 400 {@code invalid-round} for a round that is not a number
     */
    public static Map<Long, Integer> of(Map<String, List<String>> query) {
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            Matcher m = NAME.matcher(name);
            if (!m.matches() || values.isEmpty() || values.get(0).isBlank()) {
                return;
            }
            String value = values.get(0).strip();
            if (!ROUND.matcher(value).matches()) {
                throw ApiProblem.badRequest("invalid-round", "A round is a number, not '" + value + "'");
            }
            chosen.put(Long.parseLong(m.group(1)), Integer.parseInt(value));
        });
        return chosen;
    }

    /** The query string that chooses these rounds ({@code ?round.12=1&round.15=2}), or "" for none. */
    public static String query(Map<Long, Integer> chosen) {
        StringBuilder q = new StringBuilder();
        chosen.forEach((talk, round) -> q.append(q.length() == 0 ? "?" : "&").append("round.").append(talk)
                .append('=').append(round));
        return q.toString();
    }
}
