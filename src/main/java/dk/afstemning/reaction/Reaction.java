package dk.afstemning.reaction;

import java.util.Arrays;

import dk.afstemning.problem.ApiProblem;

/** The fixed set of reactions a participant can send, in the order the phone and the screen show them. */
public enum Reaction {

    THUMBS_UP("thumbs-up", "👍"),
    HEART("heart", "❤️"),
    LAUGH("laugh", "😂"),
    CLAP("clap", "👏"),
    THINKING("thinking", "🤔");

    private final String wireName;
    private final String emoji;

    Reaction(String wireName, String emoji) {
        this.wireName = wireName;
        this.emoji = emoji;
    }

    /** The name on the wire and in the database, e.g. {@code thumbs-up}. */
    public String wireName() {
        return wireName;
    }

    /** The emoji the pages show for it. */
    public String emoji() {
        return emoji;
    }

    /** @throws ApiProblem 400 {@code unknown-reaction} for a name outside the set */
    public static Reaction of(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("unknown-reaction",
                        "A reaction is one of thumbs-up, heart, laugh, clap or thinking"));
    }
}
