package dk.afstemning.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application run as a child process on a fresh data folder and a free port, with the abuse limits
 * raised (every simulated phone comes from 127.0.0.1). Reads the seed talk's join code and presenter key from its
 * start-up log, and the process's heap (via {@code /q/metrics}), RSS and CPU time. Only this process is ever stopped.
 * With {@code --instances N} there is one per instance, each given the PostgreSQL database and live bus by environment
 * variables, and the public URL of the HAProxy in front.
 */
final class App implements AutoCloseable {

    private static final Pattern PRESENTER = Pattern.compile("/present/([A-Z0-9]{6})\\?key=([A-Za-z0-9_-]{43})");
    private static final Pattern HEAP = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\} ([0-9.eE+-]+)$");

    final int port;
    final Path log;
    final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param jar target/quarkus-app/quarkus-run.jar
     * @param work a folder of this run: the data folder and the log go there
     * @param heap the app's -Xmx, e.g. 512m
     * @param extra more JVM options for the app (e.g. -Dquarkus.datasource.jdbc.max-size=8), may be empty
     */
    App(Path jar, Path slides, Path work, String heap, List<String> extra) throws IOException, InterruptedException {
        this(jar, slides, work, heap, extra, java.util.Map.of(), null);
        awaitReady();
    }

    /**
     * Starts an instance without waiting for it: {@link #awaitReady()} waits, so that several start at once.
     *
     * @param env environment variables for the app (database, live bus, instance name), may be empty
     * @param publicUrl the URL phones use (the HAProxy in front), or null for this instance's own
     */
    App(Path jar, Path slides, Path work, String heap, List<String> extra, java.util.Map<String, String> env,
            String publicUrl) throws IOException {
        port = freePort();
        Path data = work.resolve("data");
        Files.createDirectories(data);
        log = work.resolve("app.log");
        String unlimited = "1000000/s burst 1000000";
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dafstemning.data-dir=" + data.toAbsolutePath(),
                "-Dafstemning.slides-dir=" + slides.toAbsolutePath(),
                "-Dafstemning.public-url=" + (publicUrl != null ? publicUrl : "http://127.0.0.1:" + port),
                "-Dafstemning.limits.votes-per-participant=" + unlimited,
                "-Dafstemning.limits.votes-per-ip=" + unlimited,
                "-Dafstemning.limits.joins-per-ip=" + unlimited,
                "-Dafstemning.limits.lookups-per-ip=" + unlimited));
        command.addAll(extra);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
    }

    /** Waits (at most 2 minutes) until the app answers ready. */
    void awaitReady() throws IOException, InterruptedException {
        awaitReady(Duration.ofSeconds(120));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** The seed talk's join code and presenter key, from the start-up log. */
    String[] seedTalk() throws IOException {
        Matcher m = PRESENTER.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no presenter URL in " + log);
        }
        return new String[] { m.group(1), m.group(2) };
    }

    /** GET, retried for up to 2 minutes while the app answers 5xx (e.g. no free database connection under load). */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        do {
            if (r != null) {
                Thread.sleep(1000);
            }
            r = http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } while (r.statusCode() >= 500 && System.nanoTime() < deadline);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    void post(String path, String presenterKey) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-Presenter-Key", presenterKey).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Heap in use now, in bytes, summed over the heap pools of {@code /q/metrics}. */
    long heapUsed() throws IOException, InterruptedException {
        Matcher m = HEAP.matcher(get("/q/metrics"));
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    /** A full GC in the app ({@code jcmd <pid> GC.run}), so the heap read next is what is live. */
    void gc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** A line of {@code /proc/<pid>/status} in kB (VmRSS, VmHWM), or -1. */
    long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** CPU time the app has used so far, all threads, in nanoseconds. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** A value of {@code /q/metrics} by series name with labels, or 0. */
    double metric(String series) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(get("/q/metrics"));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app was not ready within " + timeout + "; see " + log);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
