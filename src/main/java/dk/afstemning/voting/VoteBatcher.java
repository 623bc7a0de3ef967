package dk.afstemning.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.quarkus.logging.Log;
import dk.afstemning.vote.Vote;

/**
 * Group commit for votes: callers put a vote on a bounded queue and wait; one writer thread takes whatever is waiting
 * (at most {@code maxBatch}) and stores it in one transaction, then completes every caller's future <em>after</em>
 * the commit. One commit and one lock holder per batch instead of per vote removes the convoy of transactions queued
 * on a poll's row lock (measured in README "Performance"). The technique is the classic group commit of database
 * logs (Gray &amp; Reuter, <i>Transaction Processing</i>, 1993, 9.4.7).
 *
 * <p>The writer thread is never interrupted: an interrupt during a write closes H2's file channel. It stops when
 * {@link #stop()} is called and the queue is empty.
 *
 * @param <R> a request
 * @param <A> its answer
 */
final class VoteBatcher<R, A> {

    /** What one batch produced for one request: its answer, or the exception to throw at the caller. */
    record Outcome<A>(A answer, RuntimeException failure) {
    }

    private record Pending<R, A>(R request, CompletableFuture<A> future) {
    }

    private final BlockingQueue<Pending<R, A>> queue;
    private final int maxBatch;
    private final Function<List<R>, List<Outcome<A>>> store;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param capacity how many requests may wait; more are refused by {@link #submit} returning null
     * @param maxBatch the most requests stored in one transaction
     * @param store stores a batch in one transaction and answers one outcome per request, in order; if it throws,
     *        every request of the batch fails with that exception
     */
    VoteBatcher(String name, int capacity, int maxBatch, Function<List<R>, List<Outcome<A>>> store) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.store = store;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** The request's future, completed after its batch committed; null when the queue is full. */
    CompletableFuture<A> submit(R request) {
        CompletableFuture<A> future = new CompletableFuture<>();
        return queue.offer(new Pending<>(request, future)) ? future : null;
    }

    /** Stores what is queued, then ends the writer thread (without interrupting it). */
    void stop() {
        running = false;
    }

    private void run() {
        List<Pending<R, A>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<R, A> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                storeBatch(batch);
            } catch (InterruptedException e) {
                Log.warn("Vote writer interrupted; it keeps running until stopped");
            } catch (RuntimeException | Error e) {
                Log.error("Vote writer failed on a batch", e);
                batch.forEach(p -> p.future().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void storeBatch(List<Pending<R, A>> batch) {
        List<R> requests = batch.stream().map(Pending::request).toList();
        List<Outcome<A>> outcomes;
        try {
            outcomes = store.apply(requests);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.future().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome<A> outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                batch.get(i).future().completeExceptionally(outcome.failure());
            } else {
                batch.get(i).future().complete(outcome.answer());
            }
        }
    }
}
