package dk.afstemning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.afstemning.testkit.Haproxy;
import dk.afstemning.testkit.SocketClient;

/**
 * Two instances of the packaged PostgreSQL build on one fresh database, HAProxy in front (README "Beyond one
 * machine"), once with each live bus. Both instances start at once on the empty database (concurrent Flyway migration
 * and seed import), phones join and open their sockets through HAProxy and land on both, the presenter watches on
 * instance A, and instance B is killed with SIGKILL in the middle of a burst of 500 votes: its phones reconnect through
 * HAProxy to A and resend their unacknowledged vote with the same request id, as the phone's page does; no
 * acknowledged vote is lost or counted twice, a countdown started on B closes on time and once, and the slide stays.
 *
 * <p>Runs only in the PostgreSQL build ({@code ./mvnw -B -Ppostgresql verify}); skipped otherwise. A missing
 * PostgreSQL, HAProxy or Redis skips it on a developer's machine and fails it under {@code CI=true}.
 *
 * <p>What needs the live bus (a vote on B seen by the presenter on A, the countdown carried on by A) is checked after
 * everything else, and reported together at the end.
 */
class MultiInstanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    /** Phones through HAProxy; each casts BURST_VOTES / PHONES votes in the burst. */
    private static final int PHONES = 50;
    private static final int BURST_VOTES = 500;
    /** Instance B is killed after this many acknowledged burst votes. */
    private static final int KILL_AFTER_ACKS = 150;
    /** Phones connected straight to B, whose votes the presenter on A must see (bus lag). */
    private static final int PROBES = 5;
    private static final int COUNTDOWN_SECONDS = 10;
    private static final String VOTE_POLL = "afstemning";
    private static final String COUNTDOWN_POLL = "tilgange";
    private static final Pattern METRIC = Pattern.compile("(?m)^afstemning_participants_connected(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Failed checks that need the live bus or shared countdowns (issue 16, parts 2 and 3). */
    private final List<String> busFailures = new ArrayList<>();

    @ParameterizedTest(name = "live bus {0}")
    @ValueSource(strings = { "postgresql", "redis" })
    void twoInstancesBehindHaproxyShareVotesAndSurviveAKill(String bus) throws Exception {
        requireServices(bus);
        String database = "afstemning_it_" + bus + "_" + System.currentTimeMillis();
        createDatabase(database);
        PackagedApp a = null;
        PackagedApp b = null;
        Haproxy haproxy = null;
        List<SocketClient> sockets = new ArrayList<>();
        try {
            int proxyPort = freePort();
            a = instance("a", bus, database, proxyPort);
            b = instance("b", bus, database, proxyPort);
            // Both at once on the empty database: Flyway and the seed import run concurrently.
            a.launch();
            b.launch();
            a.awaitReady();
            b.awaitReady();
            haproxy = Haproxy.start(tmp, proxyPort, List.of(a.port(), b.port()));
            run(bus, database, a, b, haproxy, sockets);
        } finally {
            sockets.forEach(SocketClient::abort);
            if (haproxy != null) {
                haproxy.close();
            }
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
            dropDatabase(database);
        }
        assertThat(busFailures).as("checks that need the live bus across instances (bus %s)", bus).isEmpty();
    }

    private void run(String bus, String database, PackagedApp a, PackagedApp b, Haproxy haproxy,
            List<SocketClient> sockets) throws Exception {
        URI proxy = haproxy.base();
        // ---- Migrated once, seed imported once, the same talk on both ----
        try (Connection db = connect(database)) {
            assertThat(queryLong(db, "select count(*) from flyway_schema_history where success and version is not null"))
                    .as("migrations applied").isEqualTo(migrationCount());
            assertThat(queryLong(db, "select count(*) from (select version from flyway_schema_history "
                    + "group by version having count(*) > 1) twice")).as("migrations applied twice").isZero();
            assertThat(queryLong(db, "select count(*) from deck")).as("seed decks imported").isEqualTo(1);
            assertThat(queryLong(db, "select count(*) from talk")).as("seed talks imported").isEqualTo(1);
        }
        PackagedApp.LoggedTalk talk = a.talks().values().iterator().next();
        assertThat(b.talks().values()).as("B's start-up log lists the same talk").containsExactly(talk);
        String code = talk.code();
        assertThat(send(proxy, "/q/health/ready", HttpRequest.newBuilder().GET(), null).statusCode())
                .as("ready through HAProxy").isEqualTo(200);
        List<Long> options = optionIds(proxy, code, VOTE_POLL);

        // ---- Phones through HAProxy land on both instances ----
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            Phone phone = new Phone(i, join(proxy, code));
            phone.connect(proxy, code);
            sockets.add(phone.socket);
            phones.add(phone);
        }
        int onA = awaitConnected(a, n -> n > 0);
        int onB = awaitConnected(b, n -> n > 0);
        System.out.printf("MultiInstanceIT[%s]: %d phones through HAProxy: %d on A, %d on B%n", bus, PHONES, onA, onB);
        assertThat(onA).as("phones on A").isPositive();
        assertThat(onB).as("phones on B").isPositive();
        assertThat(onA + onB).as("phones on A and B").isEqualTo(PHONES);

        // ---- The presenter on A; votes sent to B reach it ----
        SocketClient presenter = SocketClient.presenter(a.base(), code, talk.key());
        sockets.add(presenter);
        assertThat(presenter.next("slide").path("slide").asInt()).isPositive();
        control(proxy, talk, VOTE_POLL, "open", "");
        List<SocketClient> probes = new ArrayList<>();
        List<Long> lagsMs = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            SocketClient probe = SocketClient.participant(b.base(), code, join(proxy, code));
            sockets.add(probe);
            probes.add(probe);
            probe.next("state");
            long sent = System.nanoTime();
            String requestId = "probe-" + i;
            probe.send(vote(VOTE_POLL, options.get(0), requestId));
            assertThat(probe.next(m -> m.path("requestId").asText().equals(requestId)).path("type").asText())
                    .as("probe vote on B").isEqualTo("ack");
            int expected = i + 1;
            JsonNode seen = presenter.poll(m -> m.path("type").asText().equals("results")
                    && m.path("pollId").asText().equals(VOTE_POLL) && m.path("total").asInt() >= expected,
                    Duration.ofSeconds(5));
            if (seen == null) {
                busFailures.add("the presenter on A never showed vote " + expected + " sent to B (5 s)");
            } else {
                lagsMs.add((System.nanoTime() - sent) / 1_000_000);
            }
        }
        // Measured and printed, not asserted: a speed target belongs in the benchmark, and on a loaded CI machine
        // the median went from under 100 ms to 615 ms with nothing wrong (issue 21 item 19: a suite that does not
        // lie). What is asserted is that every vote arrives (above, within 5 s).
        System.out.printf("MultiInstanceIT[%s]: vote sent to B -> presenter on A: %s ms%n", bus, lagsMs);

        // ---- Before the kill: a countdown started on B, the slide moved on B ----
        HttpResponse<String> opened = send(b.base(), "/api/talks/" + code + "/polls/" + COUNTDOWN_POLL
                + "/open?seconds=" + COUNTDOWN_SECONDS, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers
                        .noBody()), talk.key());
        assertThat(opened.statusCode()).as("countdown opened on B: %s", opened.body()).isEqualTo(200);
        long countdownEnd = System.currentTimeMillis() + COUNTDOWN_SECONDS * 1000L;
        HttpResponse<String> moved = send(b.base(), "/api/talks/" + code + "/show", HttpRequest.newBuilder()
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"slide\":5}")),
                talk.key());
        assertThat(moved.statusCode()).as("slide moved on B: %s", moved.body()).isEqualTo(200);

        // ---- A burst of 500 votes; kill -9 of B in the middle ----
        AtomicInteger acks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(PHONES);
        List<Future<?>> done = new ArrayList<>();
        for (Phone phone : phones) {
            done.add(pool.submit(() -> {
                phone.burst(proxy, code, options, BURST_VOTES / PHONES, acks);
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < KILL_AFTER_ACKS && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        long bPid = b.pid();
        b.kill();
        int acksAtKill = acks.get();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("burst ended").isTrue();
        for (Future<?> f : done) {
            f.get();
        }
        long moved2A = phones.stream().filter(p -> p.reconnects > 0).count();
        long resent = phones.stream().mapToLong(p -> p.resends).sum();
        System.out.printf("MultiInstanceIT[%s]: killed B (pid %d) after %d of %d acks; %d phones reconnected, "
                + "%d unacknowledged votes resent%n", bus, bPid, acksAtKill, acks.get(), moved2A, resent);
        assertThat(acksAtKill).as("the kill came in the middle of the burst").isLessThan(BURST_VOTES);
        assertThat(phones).as("refusals during the burst").allSatisfy(p -> assertThat(p.unexpected).isEmpty());
        assertThat(moved2A).as("phones that were on B reconnected").isEqualTo(onB);
        assertThat(acks.get()).as("every burst vote acknowledged in the end").isEqualTo(BURST_VOTES);
        sockets.addAll(phones.stream().map(p -> p.socket).toList());
        assertThat(awaitConnected(a, n -> n == PHONES)).as("all phones on A").isEqualTo(PHONES);

        // ---- Every vote counts once: results = acks = database ----
        Map<Long, Integer> expected = new HashMap<>();
        phones.forEach(p -> expected.merge(p.lastAcked, 1, Integer::sum));
        expected.merge(options.get(0), PROBES, Integer::sum);
        JsonNode results = get(proxy, "/api/talks/" + code + "/polls/" + VOTE_POLL + "/results");
        assertThat(results.path("total").asInt()).as("total").isEqualTo(PHONES + PROBES);
        for (JsonNode c : results.path("counts")) {
            assertThat(c.path("count").asInt()).as("count of option %s", c.path("optionId"))
                    .isEqualTo(expected.getOrDefault(c.path("optionId").asLong(), 0));
        }
        try (Connection db = connect(database)) {
            long pollId = queryLong(db, "select id from poll where poll_key = '" + VOTE_POLL + "'");
            long talkId = queryLong(db, "select talk_id from poll where id = " + pollId);
            assertThat(queryLong(db, "select count(*) from vote where poll_id = " + pollId)).as("stored votes")
                    .isEqualTo(PHONES + PROBES);
            Map<String, Long> stored = new HashMap<>();
            Map<String, List<String>> receipts = new HashMap<>();
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("select p.token_hash, v.option_id from vote v join participant p "
                            + "on p.id = v.participant_id where v.poll_id = " + pollId)) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("select p.token_hash, r.request_id from vote_receipt r join participant p "
                            + "on p.id = r.participant_id where r.poll_id = " + pollId)) {
                while (rs.next()) {
                    receipts.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            for (Phone phone : phones) {
                // The rows keep the token's hash for the talk only (issue 21 item 10).
                String hash = dk.afstemning.participant.ParticipantTokens.hash(PackagedApp.SESSION_KEY, talkId, phone.token);
                assertThat(stored.get(hash)).as("stored vote of phone %d", phone.index).isEqualTo(phone.lastAcked);
                assertThat(receipts.get(hash)).as("receipts of phone %d: every acknowledged request, once",
                        phone.index).containsAll(phone.acked).doesNotHaveDuplicates();
            }
        }
        JsonNode last = lastResults(presenter, VOTE_POLL, Duration.ofSeconds(3));
        assertThat(last).as("a results push to the presenter on A").isNotNull();
        assertThat(last.path("total").asInt()).as("the presenter on A shows the stored total")
                .isEqualTo(PHONES + PROBES);

        // ---- The slide stays, and moves on from A ----
        assertThat(get(proxy, "/api/talks/" + code + "/show").path("slide").asInt()).as("slide after the kill")
                .isEqualTo(5);
        assertThat(phones.stream().filter(p -> p.reconnects > 0).map(p -> p.stateSlide).distinct().toList())
                .as("slide in the snapshot of the reconnected phones").containsExactly(5);
        presenter.inbox.clear();
        assertThat(send(proxy, "/api/talks/" + code + "/show", HttpRequest.newBuilder()
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"slide\":6}")),
                talk.key()).statusCode()).isEqualTo(200);
        presenter.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 6);
        for (Phone phone : phones) {
            phone.socket.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 6);
        }

        // ---- The countdown started on B closes on time, once ----
        long firstClosed = awaitClosed(proxy, code, COUNTDOWN_POLL, countdownEnd + 5_000);
        if (firstClosed < 0) {
            busFailures.add("the countdown started on B (killed) never closed its poll");
        } else {
            long late = firstClosed - countdownEnd;
            System.out.printf("MultiInstanceIT[%s]: countdown closed %d ms after its end%n", bus, late);
            if (late < -100 || late > 1500) {
                busFailures.add("the countdown closed " + late + " ms after its end (expected 0..1500)");
            }
            JsonNode closed = get(proxy, "/api/talks/" + code + "/polls/" + COUNTDOWN_POLL + "/results");
            Thread.sleep(1500);
            JsonNode later = get(proxy, "/api/talks/" + code + "/polls/" + COUNTDOWN_POLL + "/results");
            if (later.path("version").asLong() != closed.path("version").asLong()
                    || !later.path("status").asText().equals("CLOSED") || later.path("round").asInt() != 1) {
                busFailures.add("the countdown's poll changed after closing: " + closed + " then " + later);
            }
        }
        // ---- Last, as it locks this address out of look-ups for a minute: HAProxy drops a client's own
        // X-Forwarded-For, so unknown join codes tried under made-up addresses still count against the real one ----
        int refused = 0;
        for (int i = 0; i < 40 && refused == 0; i++) {
            HttpResponse<String> miss = send(proxy, "/api/talks/ZZZZZ" + (i % 10), HttpRequest.newBuilder()
                    .header("X-Forwarded-For", "198.51.100." + (i + 1)).GET(), null);
            if (miss.statusCode() == 429) {
                refused = i + 1;
            }
        }
        System.out.printf("MultiInstanceIT[%s]: unknown join codes under made-up X-Forwarded-For: 429 at try %d%n",
                bus, refused);
        assertThat(refused).as("the look-up limit counts the real client address behind HAProxy").isPositive();
        System.out.printf("MultiInstanceIT[%s]: logs in %s%n", bus, tmp);
    }

    /** One simulated phone: a participant socket through HAProxy that resends unacknowledged votes as the page does. */
    private final class Phone {
        final int index;
        final String token;
        volatile SocketClient socket;
        final List<String> acked = new ArrayList<>();
        final List<String> unexpected = new ArrayList<>();
        Long lastAcked;
        int reconnects;
        int resends;
        int stateSlide;

        Phone(int index, String token) {
            this.index = index;
            this.token = token;
        }

        void connect(URI proxy, String code) throws InterruptedException {
            socket = SocketClient.participant(proxy, code, token);
            stateSlide = socket.next("state").path("show").path("slide").asInt();
        }

        /**
         * Casts {@code votes} votes one after the other, each after the ack of the one before. A vote unanswered when
         * the socket drops is resent with the same request id once the phone has reconnected (participant.js).
         */
        void burst(URI proxy, String code, List<Long> options, int votes, AtomicInteger acks) throws Exception {
            for (int i = 0; i < votes; i++) {
                long option = options.get((index + i + 1) % options.size());
                String requestId = "m" + index + "-" + i;
                boolean first = true;
                while (true) {
                    if (!first) {
                        resends++;
                    }
                    first = false;
                    JsonNode answer = sendAndAwait(vote(VOTE_POLL, option, requestId), requestId);
                    if (answer == null) {
                        reconnect(proxy, code);
                        continue;
                    }
                    if (answer.path("type").asText().equals("ack")) {
                        synchronized (this) {
                            acked.add(requestId);
                            lastAcked = answer.path("optionId").asLong();
                        }
                        acks.incrementAndGet();
                        break;
                    }
                    if (answer.path("problem").asText().equals("busy")) {
                        Thread.sleep(500);
                        continue;
                    }
                    unexpected.add(answer.toString());
                    break;
                }
            }
        }

        /** The answer to {@code requestId}, or null when the socket dropped first. */
        private JsonNode sendAndAwait(String message, String requestId) throws InterruptedException {
            try {
                socket.send(message);
            } catch (RuntimeException e) {
                return null;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                JsonNode m = socket.poll(n -> n.path("requestId").asText().equals(requestId), Duration.ofMillis(200));
                if (m != null) {
                    return m;
                }
                if (socket.closed.isDone()) {
                    return null;
                }
            }
            throw new AssertionError("phone " + index + ": no answer to " + requestId + " within 30 s");
        }

        private void reconnect(URI proxy, String code) throws InterruptedException {
            socket.abort();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    connect(proxy, code);
                    reconnects++;
                    return;
                } catch (RuntimeException | AssertionError e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("phone " + index + " could not reconnect within 30 s", e);
                    }
                    Thread.sleep(250 + (long) (Math.random() * 500));
                }
            }
        }
    }

    // ---- Instances, services and the database ----

    private PackagedApp instance(String name, String bus, String database, int proxyPort) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", databaseUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("pg.test.username", "afstemning"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", System.getProperty("pg.test.password", "afstemning"));
        env.put("AFSTEMNING_LIVE_BUS", bus);
        env.put("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:6379");
        env.put("AFSTEMNING_INSTANCE", name);
        env.put("AFSTEMNING_PUBLIC_URL", "http://127.0.0.1:" + proxyPort);
        // As the README's HAProxy file says: trust the forwarded address from the proxy (here on loopback) only.
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        return new PackagedApp(dir, Path.of("slides")).env(env).options(List.of("-Xmx256m"));
    }

    private static void requireServices(String bus) {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("app.db-kind")),
                "MultiInstanceIT runs only in the PostgreSQL build: ./mvnw -B -Ppostgresql verify");
        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(System.getProperty("pg.test.url"),
                System.getProperty("pg.test.username"), System.getProperty("pg.test.password"))) {
            c.isValid(5);
        } catch (SQLException e) {
            missing.add("PostgreSQL at " + System.getProperty("pg.test.url") + " (" + e.getMessage() + ")");
        }
        if (Haproxy.binary() == null) {
            missing.add("HAProxy (apt-get install haproxy)");
        }
        if (bus.equals("redis") && !redisAnswers()) {
            missing.add("Redis on 127.0.0.1:6379");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "MultiInstanceIT needs " + String.join(", ", missing) + "; .ci/run installs and starts them";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    private static boolean redisAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", 6379), 2000);
            s.setSoTimeout(2000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[7];
            int n = s.getInputStream().read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** The JDBC URL of {@code database} on the server of {@code pg.test.url}. */
    private static String databaseUrl(String database) {
        String url = System.getProperty("pg.test.url");
        return url.replaceFirst("/[^/?]+(?=\\?|$)", "/" + database);
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(databaseUrl(database), System.getProperty("pg.test.username"),
                System.getProperty("pg.test.password"));
    }

    private static void createDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getProperty("pg.test.url"),
                System.getProperty("pg.test.username"), System.getProperty("pg.test.password"));
                Statement st = c.createStatement()) {
            st.execute("create database " + database);
        }
    }

    private static void dropDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getProperty("pg.test.url"),
                System.getProperty("pg.test.username"), System.getProperty("pg.test.password"));
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static long queryLong(Connection db, String sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    /** The migrations of the PostgreSQL build: common/ and postgresql/. */
    private static long migrationCount() throws IOException {
        long count = 0;
        for (String folder : List.of("common", "postgresql")) {
            try (var files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
                count += files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            }
        }
        return count;
    }

    /** The connected-participants gauge of {@code app}, read from its own port, once it matches (bounded wait). */
    private int awaitConnected(PackagedApp app, java.util.function.IntPredicate until) throws Exception {
        int value = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String metrics = send(app.base(), "/q/metrics", HttpRequest.newBuilder().GET(), null).body();
            Matcher m = METRIC.matcher(metrics);
            value = m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
            if (until.test(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        return value;
    }

    /** When the poll was first seen closed (epoch ms), polling through HAProxy until {@code untilMs}; -1 if never. */
    private long awaitClosed(URI proxy, String code, String poll, long untilMs) throws Exception {
        while (System.currentTimeMillis() < untilMs) {
            JsonNode r = get(proxy, "/api/talks/" + code + "/polls/" + poll + "/results");
            if (r.path("status").asText().equals("CLOSED")) {
                return System.currentTimeMillis();
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** The last results message of {@code poll} that arrives within {@code quiet} of the one before. */
    private static JsonNode lastResults(SocketClient socket, String poll, Duration quiet) throws InterruptedException {
        JsonNode last = null;
        for (JsonNode m : socket.received()) {
            if (m.path("type").asText().equals("results") && m.path("pollId").asText().equals(poll)) {
                last = m;
            }
        }
        while (true) {
            JsonNode next = socket.poll(m -> m.path("type").asText().equals("results")
                    && m.path("pollId").asText().equals(poll), quiet);
            if (next == null) {
                return last;
            }
            last = next;
        }
    }

    // ---- HTTP ----

    private HttpResponse<String> send(URI base, String path, HttpRequest.Builder request, String presenterKey)
            throws IOException, InterruptedException {
        request.uri(base.resolve(path)).timeout(HTTP_TIMEOUT);
        if (presenterKey != null) {
            request.header("X-Presenter-Key", presenterKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(base, path, HttpRequest.newBuilder().GET(), null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String join(URI base, String code) throws IOException, InterruptedException {
        HttpResponse<String> response = send(base, "/api/talks/" + code + "/participants",
                HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()), null);
        assertThat(response.statusCode()).as("join: %s", response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("participantId").asText();
    }

    private void control(URI base, PackagedApp.LoggedTalk talk, String poll, String action, String query)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(base, "/api/talks/" + talk.code() + "/polls/" + poll + "/" + action + query,
                HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()), talk.key());
        assertThat(response.statusCode()).as("%s %s: %s", action, poll, response.body()).isEqualTo(200);
    }

    private List<Long> optionIds(URI base, String code, String poll) throws IOException, InterruptedException {
        for (JsonNode p : get(base, "/api/talks/" + code).path("polls")) {
            if (p.path("id").asText().equals(poll)) {
                List<Long> ids = new ArrayList<>();
                p.path("options").forEach(o -> ids.add(o.path("id").asLong()));
                return ids;
            }
        }
        throw new AssertionError("no poll " + poll);
    }

    private static String vote(String poll, long optionId, String requestId) {
        return JSON.createObjectNode().put("type", "vote").put("pollId", poll).put("optionId", optionId)
                .put("requestId", requestId).toString();
    }

    private static int freePort() throws IOException {
        return PackagedApp.freePort();
    }
}
