package dk.afstemning.reaction;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.talk.ShowChanged;

/**
 * Counts reactions in memory and hands them on in aggregate: {@link #drain} gives the new counts per talk and slide
 * as {@code reactions} messages ({@link ReactionMessages.Reactions}; the live sockets send them to the screens every
 * {@value #PUSH_INTERVAL_MS} ms), and every {@value #FLUSH_INTERVAL_MS} ms (and on shutdown) one transaction adds the
 * new counts per slide to the stored ones ({@link ReactionStore}). So a room of 500 tapping costs neither a write nor a
 * screen message per tap. A reaction counts on the slide the show is on when it arrives.
 */
@ApplicationScoped
public class ReactionService {

    /** Least time between two {@code reactions} messages of a talk, in milliseconds. */
    public static final long PUSH_INTERVAL_MS = 250;
    /** Time between two writes of the counts, in milliseconds. */
    public static final long FLUSH_INTERVAL_MS = 1000;
    private static final int KINDS = Reaction.values().length;

    @Inject
    ReactionStore store;

    @Inject
    AbuseLimits limits;

    /** The talk facts a reaction needs, per join code; dropped when the show moves, and after a second anyway. */
    private final Cache<String, ReactionStore.TalkInfo> talks = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(1)).maximumSize(10_000).build();
    private final Map<String, TalkCounts> counts = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /** One talk's counts; every field is guarded by the object's lock. */
    private static final class TalkCounts {
        final long talkId;
        /** Per slide: since the last push. */
        final Map<Integer, long[]> unpushed = new HashMap<>();
        /** Per slide: the running totals, stored ones included (read once per slide). */
        final Map<Integer, long[]> totals = new HashMap<>();
        /** Per slide: not yet written. */
        Map<Integer, long[]> unwritten = new HashMap<>();
        /** Per slide: counted here and not yet sent to the other instances (the live bus). */
        Map<Integer, long[]> unshared = new HashMap<>();

        TalkCounts(long talkId) {
            this.talkId = talkId;
        }
    }

    @PostConstruct
    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "afstemning-reaction-writer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::flushQuietly, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Writes what is not yet stored before the application stops. */
    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        flushQuietly();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Counts one reaction of the participant with {@code token} on the talk's current slide.
     *
     * @param code the talk's join code
     * @param client the client's address key (for the refusal's log)
     * @param name the reaction's wire name, e.g. {@code heart}
     * @return the reaction counted
     * @throws ApiProblem 400 {@code unknown-reaction}, 403 {@code reactions-off} when the deck turned reactions off,
     *         404 for an unknown talk, 429 {@code reaction-rate-limited} when the participant is over
     *         {@code afstemning.limits.reactions-per-participant}; nothing is counted then
     */
    public Reaction react(String code, String token, String client, String name) {
        Reaction reaction = Reaction.of(name);
        ReactionStore.TalkInfo talk = talks.get(code, store::talk);
        if (!talk.enabled()) {
            throw new ApiProblem(403, "reactions-off", "Reactions are off", "This talk's deck turns reactions off");
        }
        limits.reaction(client, token);
        TalkCounts c = counts.computeIfAbsent(code, k -> new TalkCounts(talk.talkId()));
        int slide = talk.slide();
        long[] totals;
        synchronized (c) {
            totals = c.totals.get(slide);
        }
        if (totals == null) {
            // Outside the lock: the first reaction on a slide reads what earlier runs stored for it.
            long[] stored = store.counts(talk.talkId(), slide);
            synchronized (c) {
                c.totals.putIfAbsent(slide, stored);
            }
        }
        synchronized (c) {
            c.totals.get(slide)[reaction.ordinal()]++;
            c.unpushed.computeIfAbsent(slide, s -> new long[KINDS])[reaction.ordinal()]++;
            c.unwritten.computeIfAbsent(slide, s -> new long[KINDS])[reaction.ordinal()]++;
            c.unshared.computeIfAbsent(slide, s -> new long[KINDS])[reaction.ordinal()]++;
        }
        return reaction;
    }

    /**
     * The {@code reactions} message a screen gets on connecting: the current slide's totals and no new ones; null
     * when nobody has reacted on it since the server started, or reactions are off.
     */
    public ReactionMessages.Reactions snapshot(String code) {
        TalkCounts c = counts.get(code);
        if (c == null) {
            return null;
        }
        ReactionStore.TalkInfo talk = talks.get(code, store::talk);
        synchronized (c) {
            long[] totals = c.totals.get(talk.slide());
            return totals == null || !talk.enabled() ? null
                    : ReactionMessages.Reactions.of(talk.slide(), new long[KINDS], totals.clone());
        }
    }

    /** Writes the counts not yet stored, in one transaction; on failure they are kept for the next try. */
    public void flush() {
        Map<Long, Map<Integer, long[]>> batch = new HashMap<>();
        Map<TalkCounts, Map<Integer, long[]>> taken = new HashMap<>();
        for (TalkCounts c : counts.values()) {
            synchronized (c) {
                if (!c.unwritten.isEmpty()) {
                    taken.put(c, c.unwritten);
                    batch.put(c.talkId, c.unwritten);
                    c.unwritten = new HashMap<>();
                }
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.add(batch);
        } catch (RuntimeException e) {
            taken.forEach((c, slides) -> {
                synchronized (c) {
                    slides.forEach((slide, n) -> {
                        long[] into = c.unwritten.computeIfAbsent(slide, s -> new long[KINDS]);
                        for (int i = 0; i < KINDS; i++) {
                            into[i] += n[i];
                        }
                    });
                }
            });
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.warnf(e, "Writing reaction counts failed; trying again");
        }
    }

    /**
     * Takes the reactions counted since the last call: {@code to} gets each talk's join code with one message per
     * slide that has new ones.
     */
    public void drain(BiConsumer<String, ReactionMessages.Reactions> to) {
        counts.forEach((code, c) -> {
            List<ReactionMessages.Reactions> messages;
            synchronized (c) {
                if (c.unpushed.isEmpty()) {
                    return;
                }
                messages = c.unpushed.entrySet().stream().map(e -> ReactionMessages.Reactions.of(e.getKey(),
                        e.getValue(), c.totals.get(e.getKey()).clone())).toList();
                c.unpushed.clear();
            }
            messages.forEach(m -> to.accept(code, m));
        });
    }

    /** Counts per kind of one slide of one talk, in the order of {@link Reaction}. */
    @FunctionalInterface
    public interface SlideCounts {
        void accept(String code, int slide, long[] counts);
    }

    /**
     * Takes the reactions counted on this instance since the last call, for the other instances: {@code to} gets
     * each talk and slide with new ones.
     */
    public void takeUnshared(SlideCounts to) {
        counts.forEach((code, c) -> {
            Map<Integer, long[]> taken;
            synchronized (c) {
                if (c.unshared.isEmpty()) {
                    return;
                }
                taken = c.unshared;
                c.unshared = new HashMap<>();
            }
            taken.forEach((slide, n) -> to.accept(code, slide, n));
        });
    }

    /**
     * Adds reactions counted on another instance (which stores them itself) to the slide's totals, and to what the
     * next {@link #drain} hands to this instance's screens. An unknown talk is ignored.
     */
    public void addRemote(String code, int slide, long[] added) {
        if (added.length != KINDS) {
            return;
        }
        TalkCounts c = counts.get(code);
        if (c == null) {
            ReactionStore.TalkInfo talk;
            try {
                talk = talks.get(code, store::talk);
            } catch (RuntimeException e) {
                return;
            }
            c = counts.computeIfAbsent(code, k -> new TalkCounts(talk.talkId()));
        }
        long[] totals;
        synchronized (c) {
            totals = c.totals.get(slide);
        }
        if (totals == null) {
            // The stored counts hold what the other instance wrote so far; what it has not yet written comes now.
            long[] stored = store.counts(c.talkId, slide);
            synchronized (c) {
                c.totals.putIfAbsent(slide, stored);
            }
        }
        synchronized (c) {
            long[] t = c.totals.get(slide);
            long[] u = c.unpushed.computeIfAbsent(slide, s -> new long[KINDS]);
            for (int i = 0; i < KINDS; i++) {
                t[i] += added[i];
                u[i] += added[i];
            }
        }
    }

    void onShowChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShowChanged change) {
        talks.invalidate(change.joinCode());
    }
}
