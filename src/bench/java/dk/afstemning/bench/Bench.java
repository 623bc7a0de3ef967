package dk.afstemning.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

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
            log("Ceiling: H2 raw inserts, one commit each, " + o.ceilingSeconds + " s");
            h2 = Ceilings.h2Inserts(work.resolve("h2-ceiling"), Duration.ofSeconds(o.ceilingSeconds));
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
        try (App app = new App(o.jar, o.slides, work, o.appHeap, o.appOpts)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> app.process.destroyForcibly()));
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
            long cpuStart = app.cpuNanos();
            long heapPeak = 0;
            try (Crowd crowd = new Crowd(app.port, code, pollId, optionIds, o.participants)) {
                long t = System.nanoTime();
                log("Joining " + o.participants + " participants over REST");
                crowd.join();
                log("Connecting " + o.participants + " participant sockets and " + o.presenters + " presenters");
                crowd.connectPresenters(o.presenters, key);
                crowd.connectParticipants();
                double joinSeconds = (System.nanoTime() - t) / 1e9;
                long held = crowd.connected();
                heapPeak = Math.max(heapPeak, app.heapUsed());
                app.gc();
                long heapConnected = app.heapUsed();
                long rssConnected = app.procStatusKb("VmRSS");
                rows.add(row("Participants", o.participants + " joined and connected in " + f1(joinSeconds)
                        + " s; " + held + " sockets held (" + crowd.connectFailures.get() + " failed to connect), "
                        + o.presenters + " presenter sockets", ""));
                long cpuVote = 0;
                long voteWindowNanos = 1;
                if (o.windowSeconds > 0) {
                    log("Opening poll '" + pollId + "' with the presenter key");
                    app.post("/api/talks/" + code + "/polls/" + pollId + "/open", key);
                    Thread.sleep(500);

                    log("Voting: " + held + " votes within " + o.windowSeconds + " s");
                    long cpuVoteStart = app.cpuNanos();
                    long voteStart = crowd.voteWithin(TimeUnit.SECONDS.toMillis(o.windowSeconds), 42);
                    boolean answered = crowd.awaitAnswers(TimeUnit.SECONDS.toMillis(o.windowSeconds + 120));
                    long voteEnd = System.nanoTime();
                    cpuVote = app.cpuNanos() - cpuVoteStart;
                    voteWindowNanos = voteEnd - voteStart;
                    heapPeak = Math.max(heapPeak, app.heapUsed());
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
                        heapPeak = Math.max(heapPeak, app.heapUsed());
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
                        rows.add(row("Ceiling: H2 raw inserts/s", f0(h2) + " (one JDBC connection, commit per row, "
                                + "WRITE_DELAY=0); votes/s are " + pct(sustained, h2) + " of it", ""));
                        rows.add(row("Ceiling: Vert.x echo messages/s", f0(echo) + " (" + Math.min(o.participants, 2000)
                                + " sockets, one in flight each); votes/s are " + pct(sustained, echo) + " of it", ""));
                    }
                }
                long cpuAll = app.cpuNanos() - cpuStart;
                double wall = (System.nanoTime() - t) / 1e9;
                String metricsLine = String.format(Locale.ROOT, "accepted %.0f, refused %.0f, dropped as too slow %.0f",
                        app.metric("afstemning_votes_accepted_total"), sumRefused(app),
                        app.metric("afstemning_connections_dropped_total{reason=\"too-slow\"}"));
                rows.add(row("Server heap", "live after GC with " + held + " connected: " + mb(heapConnected)
                        + " MB; highest sampled: " + mb(heapPeak) + " MB; -Xmx" + o.appHeap, "≤ 512 MB at 10,000"));
                rows.add(row("Server RSS", "with all connected: " + rssConnected / 1024 + " MB; peak (VmHWM): "
                        + app.procStatusKb("VmHWM") / 1024 + " MB", ""));
                rows.add(row("Server CPU", f1(cpuVote / 1e9) + " s during the vote window ("
                        + f2(cpuVote / 1e9 / (voteWindowNanos / 1e9)) + " cores), " + f1(cpuAll / 1e9)
                        + " s over " + f0(wall) + " s in all", ""));
                rows.add(row("Server metrics", metricsLine, ""));
            }
        }
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
            int saturateSeconds, int ceilingSeconds, String appHeap, List<String> appOpts, long timeoutSeconds) {

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
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (participants < 1 || participants > 20000) {
                throw new IllegalArgumentException("--participants must be 1..20000");
            }
            return new Options(jar, slides, work, participants, window, presenters, saturate, ceiling, heap,
                    List.copyOf(appOpts), timeout);
        }

        String commandLine() {
            StringBuilder sb = new StringBuilder("./mvnw -B -Pbench verify -Dbench.args=\"--participants ")
                    .append(participants);
            if (windowSeconds != 5) {
                sb.append(" --window ").append(windowSeconds);
            }
            if (!appHeap.equals("512m")) {
                sb.append(" --app-heap ").append(appHeap);
            }
            appOpts.forEach(a -> sb.append(" --app-opt ").append(a));
            return sb.append("\"").toString();
        }
    }
}
