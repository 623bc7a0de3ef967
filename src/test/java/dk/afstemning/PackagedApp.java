package dk.afstemning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code app.jar}, set by failsafe) run as a child process, the way {@link RestartIT}
 * runs it: a data folder and a slides folder of the test's own, a fresh free port and a log file per start. Only
 * processes started here are ever stopped or killed, and every wait is bounded.
 */
public final class PackagedApp implements AutoCloseable {

    /** The login session key every packaged instance starts with (a system property, so it wins over the environment). */
    static final String SESSION_KEY = "packaged-app-test-session-key";

    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A talk's line of the start-up summary: each is a log record of its own (platform/OneLineLog), after the log's
     * time, level and category, with the title quoted (text/LogText), e.g.
     * {@code 07:43:28 INFO  [dk.af.st.Startup]   "Testtalk"  [join code WGRY2T]}.
     */
    private static final Pattern TALK = Pattern.compile("^(?:.*?\\] )?  \"?(.+?)\"?  \\[join code ([A-Z0-9]{6})\\]",
            Pattern.MULTILINE);
    private static final Pattern PRESENTER = Pattern.compile("/present/([A-Z0-9]{6})\\?key=([A-Za-z0-9_-]{43})");
    private static final Pattern ADMIN = Pattern.compile("user: (\\S+)  password: ([A-Za-z0-9_-]{24})");

    /** A talk as the start-up log lists it. */
    public record LoggedTalk(String title, String code, String key) {
    }

    private final Path dir;
    private final Path slides;
    private final List<Process> started = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> options = new ArrayList<>();
    private Process process;
    private Path log;
    private int port;

    /**
     * @param dir working folder: holds {@code data/} and one log per start
     * @param slides the folder of decks imported at start-up
     */
    public PackagedApp(Path dir, Path slides) {
        this.dir = dir;
        this.slides = slides;
    }

    /** Environment variables for the next starts (e.g. {@code QUARKUS_DATASOURCE_JDBC_URL}); returns this. */
    public PackagedApp env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** More JVM options for the next starts (e.g. {@code -Dafstemning.public-url=…}); returns this. */
    public PackagedApp options(List<String> jvmOptions) {
        options.addAll(jvmOptions);
        return this;
    }

    /** Starts the app on the data folder and a fresh free port, and waits until it is ready. */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /**
     * Starts the app on the data folder and a fresh free port without waiting: {@link #awaitReady()} waits. Lets a
     * test start several instances at once.
     */
    public void launch() throws IOException {
        port = freePort();
        log = dir.resolve("app-" + (started.size() + 1) + ".log");
        String jar = System.getProperty("app.jar");
        assertThat(jar).as("system property app.jar").isNotBlank();
        assertThat(Path.of(jar)).as("packaged application").isRegularFile();
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Dquarkus.http.port=" + port,
                "-Dafstemning.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "-Dafstemning.slides-dir=" + slides.toAbsolutePath(),
                // The PostgreSQL build refuses to start without one (SessionKeyCheck); every instance shares it.
                "-Dquarkus.http.auth.session.encryption-key=" + SESSION_KEY));
        command.addAll(options);
        command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        started.add(process);
    }

    /** The operating system's id of the current run's process. */
    public long pid() {
        return process.pid();
    }

    /** The current run's port. */
    public int port() {
        return port;
    }

    /** {@code kill -9}: SIGKILL, then waits (bounded) until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("killed process exited").isTrue();
    }

    /** A graceful stop (SIGTERM), waiting (bounded) until the process is gone. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stopped process exited").isTrue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:port} of the current run. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The talks of the current run's start-up log, by title. */
    public Map<String, LoggedTalk> talks() {
        String text = logText();
        Map<String, LoggedTalk> talks = new LinkedHashMap<>();
        Matcher talk = TALK.matcher(text);
        while (talk.find()) {
            Matcher presenter = PRESENTER.matcher(text);
            String key = null;
            while (presenter.find(talk.end())) {
                if (presenter.group(1).equals(talk.group(2))) {
                    key = presenter.group(2);
                    break;
                }
            }
            assertThat(key).as("presenter key of %s in the log", talk.group(2)).isNotNull();
            talks.put(talk.group(1), new LoggedTalk(talk.group(1), talk.group(2), key));
        }
        return talks;
    }

    /** The first organiser's password as the current run's start-up log prints it (only at the first start), or null. */
    public String adminPassword() {
        Matcher m = ADMIN.matcher(logText());
        return m.find() ? m.group(2) : null;
    }

    /** Destroys every process started here that is still alive. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Waits (bounded) until the current run answers ready on {@code /q/health/ready}. */
    public void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Application exited with " + process.exitValue() + " before it was ready:\n" + logText());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("Application not ready within " + START_TIMEOUT + ":\n" + logText());
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
