package dk.afstemning.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Another site on 127.0.0.1, for the pages that frame the app (the app itself is {@code localhost} in tests, so this is
 * another origin): pages the test puts at a path, and the files of one folder under {@code /files/}. Bounded to one
 * thread; {@link #close()} stops it.
 */
final class HostSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Path files;

    /** @param port the port, 0 for any free one; @param files a folder served under /files/, or null */
    HostSite(int port, Path files) {
        this.files = files;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** A free port on 127.0.0.1 now (a test profile names it before the site starts). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This site's origin, {@code http://127.0.0.1:port}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code html} at {@code path}; its full URL. */
    String page(String path, String html) {
        pages.put(path, html);
        return origin() + path;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = null;
        String type = "text/html; charset=utf-8";
        if (pages.containsKey(path)) {
            body = pages.get(path).getBytes(StandardCharsets.UTF_8);
        } else if (files != null && path.startsWith("/files/") && !path.contains("..")) {
            Path file = files.resolve(path.substring("/files/".length()));
            if (Files.isRegularFile(file)) {
                body = Files.readAllBytes(file);
                type = path.endsWith(".css") ? "text/css" : path.endsWith(".js") ? "text/javascript"
                        : "application/octet-stream";
            }
        }
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
