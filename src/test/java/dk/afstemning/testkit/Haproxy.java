package dk.afstemning.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy as a child process in front of instances on loopback, configured from the README's file
 * {@code src/main/haproxy/haproxy.cfg} with its placeholders filled in: {@code @BIND@} becomes a free port on
 * 127.0.0.1, {@code @SERVERS@} one {@code server} line per instance. Runs in the foreground, so that only this process
 * is ever stopped, by its PID; every wait is bounded.
 */
public final class Haproxy implements AutoCloseable {

    /** Where Debian's package puts it; {@code haproxy} on the PATH otherwise. */
    public static final Path DEBIAN_BINARY = Path.of("/usr/sbin/haproxy");
    /** The configuration template, relative to the project folder (the working directory of tests and the bench). */
    public static final Path TEMPLATE = Path.of("src/main/haproxy/haproxy.cfg");

    private final Process process;
    private final int port;
    private final Path log;

    private Haproxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The HAProxy binary, or null when it is not installed. */
    public static String binary() {
        if (Files.isExecutable(DEBIAN_BINARY)) {
            return DEBIAN_BINARY.toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "haproxy");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** The template with {@code @BIND@} and {@code @SERVERS@} filled in for instances at 127.0.0.1:{@code ports}. */
    public static String configuration(String template, int bindPort, List<Integer> ports) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            servers.append(i == 0 ? "" : "\n    ").append("server app").append(i + 1).append(" 127.0.0.1:")
                    .append(ports.get(i)).append(" check");
        }
        StringBuilder filled = new StringBuilder();
        int found = 0;
        for (String line : template.split("\n", -1)) {
            // The comments name the placeholders too; only configuration lines are filled in.
            if (!line.stripLeading().startsWith("#") && (line.contains("@BIND@") || line.contains("@SERVERS@"))) {
                found++;
                line = line.replace("@BIND@", "127.0.0.1:" + bindPort).replace("@SERVERS@", servers);
            }
            filled.append(line).append('\n');
        }
        if (found != 2) {
            throw new IllegalArgumentException("the HAProxy template needs one @BIND@ line and one @SERVERS@ line");
        }
        return filled.substring(0, filled.length() - 1);
    }

    /**
     * Checks the filled-in configuration ({@code haproxy -c}) and starts HAProxy on a free port of 127.0.0.1 in front
     * of the instances at 127.0.0.1:{@code ports}, waiting (bounded) until it accepts connections.
     *
     * @param dir where the configuration and the log go
     */
    public static Haproxy start(Path dir, List<Integer> ports) throws IOException, InterruptedException {
        return start(dir, freePort(), ports);
    }

    /** As {@link #start(Path, List)}, on {@code port} (chosen before the instances start: their public URL). */
    public static Haproxy start(Path dir, int port, List<Integer> ports) throws IOException, InterruptedException {
        String binary = binary();
        if (binary == null) {
            throw new IllegalStateException("HAProxy is not installed (Debian: apt-get install haproxy)");
        }
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, configuration(Files.readString(TEMPLATE, StandardCharsets.UTF_8), port, ports),
                StandardCharsets.UTF_8);
        Path log = dir.resolve("haproxy.log");
        Process check = new ProcessBuilder(binary, "-c", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IllegalStateException("haproxy -c refused " + cfg + ":\n" + Files.readString(log));
        }
        List<String> command = new ArrayList<>(List.of(binary, "-f", cfg.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Haproxy haproxy = new Haproxy(process, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return haproxy;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        haproxy.close();
        throw new IllegalStateException("HAProxy did not listen on " + port + " within 30 s");
    }

    /** A port of 127.0.0.1 free just now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code http://127.0.0.1:port}, the address the clients use. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Stops this HAProxy process (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
