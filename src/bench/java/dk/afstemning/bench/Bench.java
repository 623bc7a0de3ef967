package dk.afstemning.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dk.afstemning.testkit.Haproxy;

/**
 * The benchmark (README "Performance"). Measures the ceilings (H2 raw inserts, a bare Vert.x WebSocket echo server),
 * then starts the packaged app on a fresh data folder, joins N participants to the seed talk, opens its poll with
 * the presenter key, lets every participant vote once within a window while presenter sockets watch, checks that no
 * vote is lost, measures sustained durable votes a second, and prints a Markdown table.
 *
 * <pre>
 * --participants N   participants (default 2000, up to 10000)
 * --window S         seconds within which every participant votes once (default 5; 0: connect only, no votes)
 * --presenters P     presenter sockets watching (default 2)
 * --saturate S       seconds of back-to-back voting for the sustained rate (default 5; 0 skips)
 * --ceiling S        seconds of each ceiling measurement (default 5; 0 skips)
 * --app-heap H       the app's -Xmx (default 512m)
 * --app-opt X        one more JVM option for the app, repeatable (e.g. -Dquarkus.datasource.jdbc.max-size=8)
 * --timeout S        the whole run is stopped after this many seconds (default 900)
 * --jdbc-url URL     run on PostgreSQL (the jar of -Ppostgresql): a fresh database is made on the server of URL for
 *                    the run and dropped after it, so the role needs CREATEDB (default: H2 in the data folder)
 * --db-user U        PostgreSQL user (default afstemning); --db-password P its password (default afstemning)
 * --instances N      N processes of the jar on that database behind a HAProxy the bench starts (default 1;
 *                    more than 1 needs --jdbc-url); presenters on the first, phones spread by HAProxy
 * --bus B            the live bus of the instances (afstemning.live.bus: none, postgresql, redis); default theirs
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(o.timeoutSeconds));
                System.err.println("Benchmark stopped: over its time limit of " + o.timeoutSeconds + " s");
                System.exit(2);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Path work = o.work.resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(work);
        List<String[]> rows = new ArrayList<>();
        String loadBefore = loadAverage();
        rows.add(row("Machine", Runtime.getRuntime().availableProcessors() + " cores, load " + loadBefore
                + " (1/5/15 min) at start", ""));

        double h2 = 0;
        double echo = 0;
        if (o.ceilingSeconds > 0) {
            if (o.jdbcUrl == null) {
                log("Ceiling: H2 raw inserts, one commit each, " + o.ceilingSeconds + " s");
                h2 = Ceilings.h2Inserts(work.resolve("h2-ceiling"), Duration.ofSeconds(o.ceilingSeconds));
            }
            log("Ceiling: Vert.x WebSocket echo, " + Math.min(o.participants, 2000) + " sockets, " + o.ceilingSeconds + " s");
            echo = Ceilings.echo(Math.min(o.participants, 2000), Duration.ofSeconds(o.ceilingSeconds));
        }

        log("Starting the app: " + o.jar);
        try {
            run(o, work, rows, h2, echo);
        } catch (Exception e) {
            rows.add(row("Aborted", e.toString(), ""));
            e.printStackTrace();
        }
        rows.add(row("Load at end", loadAverage(), ""));
        String table = table(rows, o);
        System.out.println();
        System.out.println(table);
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        log("Table written to " + work.resolve("results.md"));
        watchdog.interrupt();
        System.exit(0);
    }

    private static void run(Options o, Path work, List<String[]> rows, double h2, double echo) throws Exception {
        String database = null;
        List<App> apps = new ArrayList<>();
        Haproxy haproxy = null;
        try {
            Map<String, String> env = new LinkedHashMap<>();
            if (o.jdbcUrl != null) {
                database = "afstemning_bench_" + System.currentTimeMillis();
                log("PostgreSQL: a fresh database " + database + " on the server of " + o.jdbcUrl);
                try (Connection c = DriverManager.getConnection(o.jdbcUrl, o.dbUser, o.dbPassword);
                        Statement st = c.createStatement()) {
                    st.execute("create database " + database);
                }
                // Also when the watchdog ends the run (System.exit skips the finally below).
                String fresh = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(o, fresh)));
                env.put("QUARKUS_DATASOURCE_JDBC_URL", o.jdbcUrl.replaceFirst("/[^/?]+(?=\\?|$)", "/" + database));
                env.put("QUARKUS_DATASOURCE_USERNAME", o.dbUser);
                env.put("QUARKUS_DATASOURCE_PASSWORD", o.dbPassword);
                // One session key for all instances (an instance on PostgreSQL may refuse to start without one).
                env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "benchmark-session-key-0123456789abcdef");
            }
            if (o.bus != null) {
                env.put("AFSTEMNING_LIVE_BUS", o.bus);
            }
            String publicUrl = null;
            int proxyPort = 0;
            if (o.instances > 1) {
                proxyPort = Haproxy.freePort();
                publicUrl = "http://127.0.0.1:" + proxyPort;
                // As src/main/haproxy/haproxy.cfg says: the proxy's forwarded client address is trusted.
                env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
                env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
                env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
            }
            for (int i = 1; i <= o.instances; i++) {
                Path dir = o.instances == 1 ? work : Files.createDirectories(work.resolve("app-" + i));
                Map<String, String> own = new LinkedHashMap<>(env);
                own.put("AFSTEMNING_INSTANCE", "app-" + i);
                apps.add(new App(o.jar, o.slides, dir, o.appHeap, o.appOpts, own, publicUrl));
            }
            List<App> started = List.copyOf(apps);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(a -> a.process.destroyForcibly())));
            for (App app : apps) {
                app.awaitReady();
            }
            int front = apps.get(0).port;
            if (o.instances > 1) {
                haproxy = Haproxy.start(work, proxyPort, apps.stream().map(a -> a.port).toList());
                long haproxyPid = haproxy.pid();
                Runtime.getRuntime().addShutdownHook(new Thread(
                        () -> ProcessHandle.of(haproxyPid).ifPresent(ProcessHandle::destroyForcibly)));
                log("HAProxy (pid " + haproxy.pid() + ") on " + haproxy.base() + " in front of " + o.instances
                        + " instances");
                front = haproxy.port();
            }
            measure(o, rows, apps, front, h2, echo);
        } finally {
            if (haproxy != null) {
                haproxy.close();
            }
            for (App app : apps) {
                app.close();
            }
            if (database != null) {
                dropDatabase(o, database);
            }
        }
    }

    /** Drops the run's database, best effort (also from the shutdown hook, after the instances are gone). */
    private static void dropDatabase(Options o, String database) {
        try (Connection c = DriverManager.getConnection(o.jdbcUrl, o.dbUser, o.dbPassword);
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        } catch (java.sql.SQLException e) {
            System.err.println("Could not drop the benchmark database " + database + ": " + e.getMessage());
        }
    }

    /**
     * The measurements, with the presenters on the first instance and the phones on {@code front} (the HAProxy in
     * front of several instances, else the one instance).
     */
    private static void measure(Options o, List<String[]> rows, List<App> apps, int front, double h2, double echo)
            throws Exception {
        App app = apps.get(0);
        String[] seed = app.seedTalk();
        String code = seed[0];
        String key = seed[1];
        JsonObject talk = new JsonObject(app.get("/api/talks/" + code));
        JsonObject poll = talk.getJsonArray("polls").getJsonObject(0);
        String pollId = poll.getString("id");
        JsonArray options = poll.getJsonArray("options");
        long[] optionIds = new long[options.size()];
        for (int i = 0; i < optionIds.length; i++) {
            optionIds[i] = options.getJsonObject(i).getLong("id");
        }
        long cpuStart = cpuNanos(apps);
        long heapPeak = 0;
        try (Crowd crowd = new Crowd(front, app.port, code, pollId, optionIds, o.participants)) {
            long t = System.nanoTime();
            log("Joining " + o.participants + " participants over REST");
            crowd.join();
            log("Connecting " + o.participants + " participant sockets and " + o.presenters + " presenters");
            crowd.connectPresenters(o.presenters, key);
            crowd.connectParticipants();
            double joinSeconds = (System.nanoTime() - t) / 1e9;
            long held = crowd.connected();
            heapPeak = Math.max(heapPeak, heapUsed(apps));
            for (App a : apps) {
                a.gc();
            }
            long heapConnected = heapUsed(apps);
            long rssConnected = apps.stream().mapToLong(a -> a.procStatusKb("VmRSS")).sum();
            rows.add(row("Participants", o.participants + " joined and connected in " + f1(joinSeconds)
                    + " s; " + held + " sockets held (" + crowd.connectFailures.get() + " failed to connect), "
                    + o.presenters + " presenter sockets", ""));
            if (apps.size() > 1) {
                List<Long> spread = new ArrayList<>();
                for (App a : apps) {
                    spread.add((long) a.metric("afstemning_participants_connected"));
                }
                rows.add(row("Instances", apps.size() + " processes of the jar behind HAProxy"
                        + (o.bus == null ? "" : ", live bus " + o.bus) + "; phones per instance " + spread
                        + "; presenters on the first", ""));
            }
            long cpuVote = 0;
            long voteWindowNanos = 1;
            // The bus lag timer from here on: joining and connecting are no part of it.
            double[][] busBefore = busLagTotals(apps);
            if (o.windowSeconds > 0) {
                log("Opening poll '" + pollId + "' with the presenter key");
                app.post("/api/talks/" + code + "/polls/" + pollId + "/open", key);
                Thread.sleep(500);

                log("Voting: " + held + " votes within " + o.windowSeconds + " s");
                long cpuVoteStart = cpuNanos(apps);
                long voteStart = crowd.voteWithin(TimeUnit.SECONDS.toMillis(o.windowSeconds), 42);
                boolean answered = crowd.awaitAnswers(TimeUnit.SECONDS.toMillis(o.windowSeconds + 120));
                long voteEnd = System.nanoTime();
                cpuVote = cpuNanos(apps) - cpuVoteStart;
                voteWindowNanos = voteEnd - voteStart;
                heapPeak = Math.max(heapPeak, heapUsed(apps));
                long[][] acked = crowd.acknowledged();
                double burstSeconds = acked.length == 0 ? 0 : (acked[acked.length - 1][0] - voteStart) / 1e9;
                // Let the last coalesced push arrive, then compare.
                Thread.sleep(1500);
                long stored = new JsonObject(app.get("/api/talks/" + code + "/polls/" + pollId + "/results"))
                        .getLong("total");
                List<Long> screens = crowd.presenterTotals(1);
                AtomicInteger missing = new AtomicInteger();
                Histogram screen = crowd.screenMicros(1, missing);
                Histogram ack = crowd.ackMicros;
                // Before the sustained phase, which reuses the send times.
                String ackBySecond = crowd.ackP99BySecond(voteStart, (int) o.windowSeconds).stream()
                        .map(v -> String.format(java.util.Locale.ROOT, "%.0f", v))
                        .collect(java.util.stream.Collectors.joining(" / "));
                int errorsDuringBurst = crowd.errors.get();
                String errorKinds = crowd.errorsByProblem.toString();

                double sustained = 0;
                long storedAfter = stored;
                List<Long> screensAfter = screens;
                if (o.saturateSeconds > 0) {
                    log("Sustained: every socket votes again on each ack, " + o.saturateSeconds + " s");
                    sustained = crowd.saturate(TimeUnit.SECONDS.toMillis(o.saturateSeconds));
                    heapPeak = Math.max(heapPeak, heapUsed(apps));
                    Thread.sleep(1500);
                    storedAfter = new JsonObject(app.get("/api/talks/" + code + "/polls/" + pollId + "/results"))
                            .getLong("total");
                    screensAfter = crowd.presenterTotals(1);
                }

                rows.add(row("Votes within " + o.windowSeconds + " s", acked.length + " acknowledged of " + held
                        + ", last ack " + f2(burstSeconds) + " s after the start" + (answered ? "" : " (some unanswered)"),
                        "2,000 within 5 s"));
                rows.add(row("Ack latency p50 / p95 / p99 / max", ms(ack, 50) + " / " + ms(ack, 95) + " / " + ms(ack, 99)
                        + " / " + msMax(ack) + " ms", ""));
                rows.add(row("Ack p99 by second of the window (when sent)", ackBySecond + " ms", ""));
                rows.add(row("Vote → presenter p50 / p99 / max", ms(screen, 50) + " / " + ms(screen, 99) + " / "
                        + msMax(screen) + " ms" + (missing.get() > 0 ? " (" + missing.get() + " never shown)" : ""),
                        "p99 ≤ 250 ms"));
                rows.add(row("Lost or double votes", "acknowledged " + acked.length + ", stored " + stored
                        + ", presenters show " + screens + "; version decreases seen: " + crowd.versionDecreases.get(),
                        "all equal, 0 decreases"));
                rows.add(row("Errors", errorsDuringBurst + " error answers " + errorKinds + ", "
                        + crowd.busyResends.get() + " busy answers resent, "
                        + crowd.connectFailures.get() + " connect failures, " + crowd.closedByServer.get()
                        + " sockets closed by the server", "0"));
                if (o.saturateSeconds > 0) {
                    rows.add(row("Sustained durable votes/s", f0(sustained) + " (every socket votes again on its ack, "
                            + o.saturateSeconds + " s; stored afterwards " + storedAfter + ", presenters " + screensAfter
                            + ")", "≥ 2,000"));
                }
                if (o.ceilingSeconds > 0) {
                    if (o.jdbcUrl == null) {
                        rows.add(row("Ceiling: H2 raw inserts/s", f0(h2) + " (one JDBC connection, commit per row, "
                                + "WRITE_DELAY=0); votes/s are " + pct(sustained, h2) + " of it", ""));
                    }
                    rows.add(row("Ceiling: Vert.x echo messages/s", f0(echo) + " (" + Math.min(o.participants, 2000)
                            + " sockets, one in flight each); votes/s are " + pct(sustained, echo) + " of it", ""));
                }
            }
            if (apps.size() > 1) {
                rows.add(row("Bus lag (commit on one instance → handled on another)", busLag(apps, busBefore),
                        "vote → presenter p99 ≤ 250 ms"));
            }
            long cpuAll = cpuNanos(apps) - cpuStart;
            double wall = (System.nanoTime() - t) / 1e9;
            double accepted = 0;
            double refused = 0;
            double dropped = 0;
            for (App a : apps) {
                accepted += a.metric("afstemning_votes_accepted_total");
                refused += sumRefused(a);
                dropped += a.metric("afstemning_connections_dropped_total{reason=\"too-slow\"}");
            }
            String metricsLine = String.format(Locale.ROOT, "accepted %.0f, refused %.0f, dropped as too slow %.0f",
                    accepted, refused, dropped) + (apps.size() > 1 ? " (all instances)" : "");
            rows.add(row("Server heap", "live after GC with " + held + " connected: " + mb(heapConnected)
                    + " MB; highest sampled: " + mb(heapPeak) + " MB; -Xmx" + o.appHeap
                    + (apps.size() > 1 ? " (sums of " + apps.size() + " instances, each -Xmx" + o.appHeap + ")" : ""),
                    "≤ 512 MB at 10,000"));
            rows.add(row("Server RSS", "with all connected: " + rssConnected / 1024 + " MB; peak (VmHWM): "
                    + apps.stream().mapToLong(a -> a.procStatusKb("VmHWM")).sum() / 1024 + " MB"
                    + (apps.size() > 1 ? " (sums of " + apps.size() + " instances)" : ""), ""));
            rows.add(row("Server CPU", f1(cpuVote / 1e9) + " s during the vote window ("
                    + f2(cpuVote / 1e9 / (voteWindowNanos / 1e9)) + " cores), " + f1(cpuAll / 1e9)
                    + " s over " + f0(wall) + " s in all", ""));
            rows.add(row("Server metrics", metricsLine, ""));
        }
    }

    private static long cpuNanos(List<App> apps) {
        return apps.stream().mapToLong(App::cpuNanos).sum();
    }

    private static long heapUsed(List<App> apps) throws Exception {
        long sum = 0;
        for (App a : apps) {
            sum += a.heapUsed();
        }
        return sum;
    }

    /**
     * The live bus's {@code afstemning_live_bus_lag_seconds} timer of each instance: messages handled, mean and max
     * (the time from the commit on the sending instance to the message handled on this one).
     */
    private static String busLag(List<App> apps, double[][] before) throws Exception {
        List<String> parts = new ArrayList<>();
        boolean any = false;
        double[][] now = busLagTotals(apps);
        for (int i = 0; i < apps.size(); i++) {
            String metrics = apps.get(i).get("/q/metrics");
            double count = now[i][0] - before[i][0];
            double sum = now[i][1] - before[i][1];
            // The timer's max is that of a recent window, not of this phase alone.
            double max = maxSeries(metrics, "afstemning_live_bus_lag_seconds_max");
            any |= metrics.contains("afstemning_live_bus_lag_seconds");
            parts.add("instance " + (i + 1) + ": " + f0(count) + " messages, mean "
                    + (count == 0 ? "–" : f1(1000 * sum / count)) + " ms, recent max " + f1(1000 * max) + " ms");
        }
        return any ? "during the votes: " + String.join("; ", parts)
                : "not measured: this build has no afstemning_live_bus_lag_seconds";
    }

    /** Each instance's bus lag timer so far: {count, sum in seconds}. */
    private static double[][] busLagTotals(List<App> apps) throws Exception {
        double[][] totals = new double[apps.size()][];
        for (int i = 0; i < apps.size(); i++) {
            String metrics = apps.get(i).get("/q/metrics");
            totals[i] = new double[] { sumSeries(metrics, "afstemning_live_bus_lag_seconds_count"),
                    sumSeries(metrics, "afstemning_live_bus_lag_seconds_sum") };
        }
        return totals;
    }

    private static double sumSeries(String metrics, String name) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static double maxSeries(String metrics, String name) {
        double max = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                max = Math.max(max, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return max;
    }

    private static double sumRefused(App app) throws Exception {
        double sum = 0;
        for (String line : app.get("/q/metrics").split("\n")) {
            if (line.startsWith("afstemning_votes_refused_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static String table(List<String[]> rows, Options o) {
        StringBuilder sb = new StringBuilder();
        sb.append("Run ").append(Instant.now()).append(": `").append(o.commandLine()).append("`\n\n");
        sb.append("| Measure | Result | Target |\n|---|---|---|\n");
        for (String[] r : rows) {
            sb.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
        }
        return sb.toString();
    }

    private static String[] row(String measure, String result, String target) {
        log(measure + ": " + result);
        return new String[] { measure, result.replace("|", "\\|"), target };
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "–" : f1(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String msMax(Histogram h) {
        return h.getTotalCount() == 0 ? "–" : f1(h.getMaxValue() / 1000.0);
    }

    private static String pct(double part, double whole) {
        return whole <= 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * part / whole);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /** The command-line options; see the class comment. */
    record Options(Path jar, Path slides, Path work, int participants, int windowSeconds, int presenters,
            int saturateSeconds, int ceilingSeconds, String appHeap, List<String> appOpts, long timeoutSeconds,
            int instances, String jdbcUrl, String dbUser, String dbPassword, String bus) {

        static Options parse(String[] args) {
            Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
            Path slides = Path.of("slides");
            Path work = Path.of("target/bench");
            int participants = 2000;
            int window = 5;
            int presenters = 2;
            int saturate = 5;
            int ceiling = 5;
            String heap = "512m";
            List<String> appOpts = new ArrayList<>();
            long timeout = 900;
            int instances = 1;
            String jdbcUrl = null;
            String dbUser = "afstemning";
            String dbPassword = "afstemning";
            String bus = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(value);
                    case "--slides" -> slides = Path.of(value);
                    case "--work" -> work = Path.of(value);
                    case "--participants" -> participants = Integer.parseInt(value);
                    case "--window" -> window = Integer.parseInt(value);
                    case "--presenters" -> presenters = Integer.parseInt(value);
                    case "--saturate" -> saturate = Integer.parseInt(value);
                    case "--ceiling" -> ceiling = Integer.parseInt(value);
                    case "--app-heap" -> heap = value;
                    case "--app-opt" -> appOpts.add(value);
                    case "--timeout" -> timeout = Long.parseLong(value);
                    case "--instances" -> instances = Integer.parseInt(value);
                    case "--jdbc-url" -> jdbcUrl = value;
                    case "--db-user" -> dbUser = value;
                    case "--db-password" -> dbPassword = value;
                    case "--bus" -> bus = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (participants < 1 || participants > 20000) {
                throw new IllegalArgumentException("--participants must be 1..20000");
            }
            if (instances < 1 || instances > 16) {
                throw new IllegalArgumentException("--instances must be 1..16");
            }
            if (instances > 1 && jdbcUrl == null) {
                throw new IllegalArgumentException("--instances " + instances + " needs a shared database: --jdbc-url "
                        + "jdbc:postgresql://127.0.0.1:5432/afstemning_test with the jar of ./mvnw -Ppostgresql,bench");
            }
            return new Options(jar, slides, work, participants, window, presenters, saturate, ceiling, heap,
                    List.copyOf(appOpts), timeout, instances, jdbcUrl, dbUser, dbPassword, bus);
        }

        String commandLine() {
            StringBuilder sb = new StringBuilder("./mvnw -B -P" + (jdbcUrl != null ? "postgresql," : "")
                    + "bench verify -Dbench.args=\"--participants ")
                    .append(participants);
            if (windowSeconds != 5) {
                sb.append(" --window ").append(windowSeconds);
            }
            if (!appHeap.equals("512m")) {
                sb.append(" --app-heap ").append(appHeap);
            }
            appOpts.forEach(a -> sb.append(" --app-opt ").append(a));
            if (instances > 1) {
                sb.append(" --instances ").append(instances);
            }
            if (jdbcUrl != null) {
                sb.append(" --jdbc-url ").append(jdbcUrl);
            }
            if (bus != null) {
                sb.append(" --bus ").append(bus);
            }
            return sb.append("\"").toString();
        }
    }
}
