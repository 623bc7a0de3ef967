package dk.afstemning.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.voting.VoteBatcher;

/**
 * Group commit without a database: the batches the writer forms, answers only after the store (the commit) returned,
 * a refusal that refuses only its own request, a failed store that fails its whole batch, and a full queue.
 */
class VoteBatcherTest {

    private static final long WAIT_SECONDS = 10;

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private VoteBatcher<Integer, String> batcher;

    @AfterEach
    void stop() {
        if (batcher != null) {
            batcher.stop();
        }
    }

    @Test
    void votesWaitingWhileABatchIsStoredGoIntoTheNextBatchAndNoneIsAnsweredBeforeItsStoreReturns() throws Exception {
        CountDownLatch firstStoreEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstStore = new CountDownLatch(1);
        batcher = new VoteBatcher<>("test-writer", 100, 500, requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStoreEntered.countDown();
                await(releaseFirstStore);
            }
            return requests.stream().map(r -> new VoteBatcher.Outcome<>("ack-" + r, null)).toList();
        });

        CompletableFuture<String> first = batcher.submit(0);
        assertThat(firstStoreEntered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiting = IntStream.rangeClosed(1, 30).mapToObj(batcher::submit).toList();
        // The first batch is still being stored (its commit has not returned): nothing is answered yet.
        Thread.sleep(50);
        assertThat(first).isNotDone();
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        releaseFirstStore.countDown();
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-0");
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-" + (i + 1));
        }
        assertThat(batches).containsExactly(List.of(0), IntStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void aBatchHoldsAtMostMaxBatchVotesInArrivalOrder() throws Exception {
        CountDownLatch firstStoreEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstStore = new CountDownLatch(1);
        batcher = new VoteBatcher<>("test-writer", 100, 4, requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStoreEntered.countDown();
                await(releaseFirstStore);
            }
            return requests.stream().map(r -> new VoteBatcher.Outcome<>("ack-" + r, null)).toList();
        });
        CompletableFuture<String> first = batcher.submit(0);
        assertThat(firstStoreEntered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiting = IntStream.rangeClosed(1, 10).mapToObj(batcher::submit).toList();
        releaseFirstStore.countDown();
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        for (CompletableFuture<String> f : waiting) {
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10));
    }

    @Test
    void aRefusedVoteRefusesOnlyItselfAndAFailedStoreFailsItsWholeBatch() throws Exception {
        CountDownLatch firstStoreEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstStore = new CountDownLatch(1);
        batcher = new VoteBatcher<>("test-writer", 100, 500, requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStoreEntered.countDown();
                await(releaseFirstStore);
            }
            if (requests.contains(99)) {
                throw new IllegalStateException("commit failed");
            }
            return requests.stream().map(r -> r == 2
                    ? new VoteBatcher.Outcome<String>(null, ApiProblem.badRequest("refused", "vote 2 refused"))
                    : new VoteBatcher.Outcome<>("ack-" + r, null)).toList();
        });
        CompletableFuture<String> first = batcher.submit(0);
        assertThat(firstStoreEntered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> one = batcher.submit(1);
        CompletableFuture<String> two = batcher.submit(2);
        CompletableFuture<String> three = batcher.submit(3);
        releaseFirstStore.countDown();
        assertThat(one.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-1");
        assertThat(three.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-3");
        assertThat(failure(two)).isInstanceOf(ApiProblem.class).hasMessageContaining("vote 2 refused");

        CompletableFuture<String> failed = batcher.submit(99);
        assertThat(failure(failed)).isInstanceOf(IllegalStateException.class).hasMessage("commit failed");
        // The writer goes on after a failed batch.
        assertThat(batcher.submit(5).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-5");
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-0");
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        CountDownLatch firstStoreEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstStore = new CountDownLatch(1);
        batcher = new VoteBatcher<>("test-writer", 3, 500, requests -> {
            firstStoreEntered.countDown();
            await(releaseFirstStore);
            return requests.stream().map(r -> new VoteBatcher.Outcome<>("ack-" + r, null)).toList();
        });
        CompletableFuture<String> first = batcher.submit(0);
        assertThat(firstStoreEntered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> queued = IntStream.rangeClosed(1, 3).mapToObj(batcher::submit).toList();
        assertThat(queued).doesNotContainNull();
        assertThat(batcher.submit(4)).as("a fourth waiting vote with a queue of three").isNull();
        releaseFirstStore.countDown();
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ack-0");
        for (CompletableFuture<String> f : queued) {
            assertThat(f.get(WAIT_SECONDS, TimeUnit.SECONDS)).startsWith("ack-");
        }
    }

    private static Throwable failure(CompletableFuture<String> future) throws Exception {
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, got " + future.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
