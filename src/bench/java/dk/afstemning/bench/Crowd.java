package dk.afstemning.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * The simulated audience: N participants, each joined over REST and holding its own participant socket, and P
 * presenter sockets that log every results message of the poll. Driven by one Vert.x instance; latencies go into
 * HdrHistograms in microseconds.
 */
final class Crowd implements AutoCloseable {

    /** One results message as a presenter received it. */
    record Seen(long atNanos, long version, long total, int round) {
    }

    final Vertx vertx = Vertx.vertx();
    final String code;
    final String pollId;
    final long[] optionIds;
    final ConcurrentHistogram ackMicros = new ConcurrentHistogram(3);
    final AtomicInteger acks = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final Counts errorsByProblem = new Counts();
    /** Votes answered {@code busy} and sent again 200 ms later with the same request id, as a phone does. */
    final AtomicInteger busyResends = new AtomicInteger();
    final AtomicInteger connectFailures = new AtomicInteger();
    final AtomicInteger closedByServer = new AtomicInteger();
    final AtomicInteger versionDecreases = new AtomicInteger();
    final List<List<Seen>> presenterLogs = new ArrayList<>();
    private final HttpClient http;
    private final WebSocketClient ws;
    private final int port;
    private final int presenterPort;
    private String[] tokens;
    private WebSocket[] phones;
    private long[] sentAt;
    private long[] ackedAt;
    private String[] lastVote;
    private volatile boolean saturating;
    private final AtomicLong saturationAcks = new AtomicLong();
    private volatile long saturationStart;
    private volatile long saturationEnd;
    private final AtomicLong requestCounter = new AtomicLong();

    /** Error messages counted by problem slug. */
    static final class Counts extends ConcurrentHashMap<String, AtomicInteger> {
        void count(String key) {
            computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    Crowd(int port, String code, String pollId, long[] optionIds, int participants) {
        this(port, port, code, pollId, optionIds, participants);
    }

    /**
     * @param port where phones join and connect (the HAProxy in front of several instances)
     * @param presenterPort where the presenter sockets connect (one instance of them)
     */
    Crowd(int port, int presenterPort, String code, String pollId, long[] optionIds, int participants) {
        this.port = port;
        this.presenterPort = presenterPort;
        this.code = code;
        this.pollId = pollId;
        this.optionIds = optionIds;
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setMaxPoolSize(32));
        // The default is 50 connections per server; more connects would queue.
        ws = vertx.createWebSocketClient(new WebSocketClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setMaxConnections(participants + 100).setConnectTimeout(60_000));
        tokens = new String[participants];
        phones = new WebSocket[participants];
        sentAt = new long[participants];
        ackedAt = new long[participants];
        lastVote = new String[participants];
    }

    int size() {
        return tokens.length;
    }

    /** Joins every participant over REST, at most 64 at a time. */
    void join() throws Exception {
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            int n = i;
            inFlight.acquire();
            all.add(http.request(HttpMethod.POST, "/api/talks/" + code + "/participants")
                    .compose(r -> r.send().compose(res -> res.body()))
                    .onComplete(ar -> inFlight.release())
                    .onSuccess(body -> tokens[n] = new JsonObject(body).getString("participantId"))
                    .toCompletionStage().toCompletableFuture());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
    }

    /** Opens every participant socket, at most 200 handshakes at a time, and waits for each one's state snapshot. */
    void connectParticipants() throws Exception {
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            int n = i;
            inFlight.acquire();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            all.add(ready);
            ws.connect(new WebSocketConnectOptions().setURI("/ws/participant/" + code)
                    .addHeader("Cookie", "afstemning_pid=" + tokens[n])).onComplete(ar -> {
                        if (ar.failed()) {
                            inFlight.release();
                            connectFailures.incrementAndGet();
                            ready.complete(null);
                            return;
                        }
                        WebSocket socket = ar.result();
                        phones[n] = socket;
                        socket.closeHandler(v -> {
                            if (socket.closeStatusCode() != null && socket.closeStatusCode() != 1000) {
                                closedByServer.incrementAndGet();
                            }
                        });
                        socket.textMessageHandler(text -> onParticipantMessage(n, text, ready, inFlight));
                    });
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
    }

    private void onParticipantMessage(int n, String text, CompletableFuture<Void> ready, Semaphore inFlight) {
        long now = System.nanoTime();
        JsonObject message = new JsonObject(text);
        switch (message.getString("type", "")) {
            case "state" -> {
                inFlight.release();
                ready.complete(null);
            }
            case "ack" -> {
                if (saturating) {
                    if (now >= saturationStart && now < saturationEnd) {
                        saturationAcks.incrementAndGet();
                    }
                    if (now < saturationEnd) {
                        vote(n);
                    }
                } else {
                    ackedAt[n] = now;
                    ackMicros.recordValue(Math.max(1, (now - sentAt[n]) / 1000));
                    acks.incrementAndGet();
                }
            }
            case "error" -> {
                if ("busy".equals(message.getString("problem"))) {
                    busyResends.incrementAndGet();
                    vertx.setTimer(200, id -> phones[n].writeTextMessage(lastVote[n]));
                    return;
                }
                errors.incrementAndGet();
                errorsByProblem.count(message.getString("problem", "?"));
            }
            default -> {
                // slide and poll messages
            }
        }
    }

    /** Opens {@code count} presenter sockets (with the presenter key) that log every results message of the poll. */
    void connectPresenters(int count, String presenterKey) throws Exception {
        for (int p = 0; p < count; p++) {
            List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
            presenterLogs.add(seen);
            long[] lastVersion = { -1 };
            ws.connect(new WebSocketConnectOptions().setPort(presenterPort).setURI("/ws/present/" + code + "?key="
                    + java.net.URLEncoder.encode(presenterKey, java.nio.charset.StandardCharsets.UTF_8))).onSuccess(socket -> socket
                    .textMessageHandler(text -> {
                        long now = System.nanoTime();
                        JsonObject m = new JsonObject(text);
                        if ("results".equals(m.getString("type")) && pollId.equals(m.getString("pollId"))) {
                            long version = m.getLong("version");
                            if (version < lastVersion[0]) {
                                versionDecreases.incrementAndGet();
                            }
                            lastVersion[0] = version;
                            seen.add(new Seen(now, version, m.getLong("total"), m.getInteger("round")));
                        }
                    })).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    /** Every participant votes once, at a uniformly random moment within {@code windowMillis}. */
    long voteWithin(long windowMillis, long seed) {
        java.util.Random random = new java.util.Random(seed);
        long start = System.nanoTime();
        for (int i = 0; i < phones.length; i++) {
            if (phones[i] == null) {
                continue;
            }
            int n = i;
            long delay = 1 + (long) (random.nextDouble() * windowMillis);
            vertx.setTimer(delay, id -> vote(n));
        }
        return start;
    }

    private void vote(int n) {
        sentAt[n] = System.nanoTime();
        long option = optionIds[(int) ((n + requestCounter.get()) % optionIds.length)];
        lastVote[n] = "{\"type\":\"vote\",\"pollId\":\"" + pollId + "\",\"optionId\":" + option
                + ",\"requestId\":\"b-" + n + "-" + requestCounter.incrementAndGet() + "\"}";
        phones[n].writeTextMessage(lastVote[n]);
    }

    /** Waits until every connected participant has an ack or error, or the timeout passes. */
    boolean awaitAnswers(long timeoutMillis) throws InterruptedException {
        long expected = connected();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (acks.get() + errors.get() >= expected) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    long connected() {
        long n = 0;
        for (WebSocket p : phones) {
            if (p != null && !p.isClosed()) {
                n++;
            }
        }
        return n;
    }

    /** Times at which votes were acknowledged, ascending, and when each of them was sent, in the same order. */
    long[][] acknowledged() {
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < ackedAt.length; i++) {
            if (ackedAt[i] != 0) {
                pairs.add(new long[] { ackedAt[i], sentAt[i] });
            }
        }
        pairs.sort((a, b) -> Long.compare(a[0], b[0]));
        return pairs.toArray(long[][]::new);
    }

    /**
     * Ack latency p99 per second of the window, by when the vote was sent: shows whether the tail belongs to the first
     * votes (a cold server) or is spread over the window (queueing). Milliseconds, one entry per second.
     */
    List<Double> ackP99BySecond(long startNanos, int seconds) {
        List<Histogram> slices = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            slices.add(new Histogram(3));
        }
        for (long[] pair : acknowledged()) {
            int slice = (int) Math.min(seconds - 1, Math.max(0, (pair[1] - startNanos) / 1_000_000_000L));
            slices.get(slice).recordValue(Math.max(1, (pair[0] - pair[1]) / 1000));
        }
        return slices.stream().map(h -> h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0).toList();
    }

    /**
     * Vote to presenter screen: for the k-th acknowledged vote, from sending it until a presenter first shows a total
     * of at least k. One sample per acknowledged vote and presenter; votes a presenter never showed are counted in
     * {@code missing}.
     */
    Histogram screenMicros(int round, AtomicInteger missing) {
        Histogram h = new Histogram(3);
        long[][] votes = acknowledged();
        for (List<Seen> log : presenterLogs) {
            List<Seen> seen;
            synchronized (log) {
                seen = log.stream().filter(s -> s.round() == round).toList();
            }
            int j = 0;
            for (int k = 0; k < votes.length; k++) {
                while (j < seen.size() && seen.get(j).total() < k + 1) {
                    j++;
                }
                if (j == seen.size()) {
                    missing.addAndGet(votes.length - k);
                    break;
                }
                h.recordValue(Math.max(1, (seen.get(j).atNanos() - votes[k][1]) / 1000));
            }
        }
        return h;
    }

    /** The last total each presenter shows for {@code round}, -1 for one that showed none. */
    List<Long> presenterTotals(int round) {
        List<Long> totals = new ArrayList<>();
        for (List<Seen> log : presenterLogs) {
            synchronized (log) {
                totals.add(log.stream().filter(s -> s.round() == round).reduce((a, b) -> b).map(Seen::total).orElse(-1L));
            }
        }
        return totals;
    }

    /**
     * Sustained durable votes a second: every participant socket votes again as soon as its last vote is acknowledged
     * (a vote change: a committed transaction per vote), for a second of warm-up and then {@code millis}.
     */
    double saturate(long millis) throws InterruptedException {
        saturationStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        saturationEnd = saturationStart + TimeUnit.MILLISECONDS.toNanos(millis);
        saturating = true;
        for (int i = 0; i < phones.length; i++) {
            if (phones[i] != null && !phones[i].isClosed()) {
                int n = i;
                vertx.runOnContext(v -> vote(n));
            }
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(saturationEnd - System.nanoTime()) + 2000);
        return saturationAcks.get() / (millis / 1000.0);
    }

    @Override
    public void close() throws Exception {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (WebSocket p : phones) {
            if (p != null && !p.isClosed()) {
                closing.add(p.close().toCompletionStage().toCompletableFuture());
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the app may be gone already
        }
        Future<Void> done = vertx.close();
        done.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
