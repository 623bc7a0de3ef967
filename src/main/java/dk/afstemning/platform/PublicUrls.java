package dk.afstemning.platform;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dk.afstemning.platform.AppConfig;

/**
 * The base URL that phones should use to join. In order: {@code afstemning.public-url} when set; the host the browser
 * used when its name is in {@code afstemning.allowed-hosts}; otherwise this machine's LAN address and HTTP port, so
 * that a presenter who opened {@code localhost} still shows a QR code that phones on the same Wi-Fi can reach. A
 * {@code Host} header outside the allow-list never reaches a join URL or QR code ({@code Host: evil.example} would
 * otherwise send a room's phones to another site); only a loopback host's port is taken, the port the presenter used.
 */
@Singleton
public class PublicUrls {

    /**
     * A {@code Host} header worth using: a DNS name (at most 253 characters) or bracketed IPv6 address, with an optional
     * port. Anything else (thousands of characters that would overflow the QR code, spaces, control characters) is
     * ignored as if absent.
     */
    private static final Pattern HOST = Pattern
            .compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");

    @Inject
    AppConfig app;

    @Inject
    HttpConfig http;

    /**
     * @param requestHost the {@code Host} header of the current request, or null outside a request (ignored unless it
     *        is a host name or address with an optional port)
     * @return the base URL without a trailing slash, e.g. {@code http://192.168.1.20:8080}
     */
    public String base(String requestHost) {
        if (requestHost != null && !HOST.matcher(requestHost).matches()) {
            requestHost = null;
        }
        Optional<String> publicUrl = app.publicUrl();
        if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
            String url = publicUrl.get().strip();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        if (requestHost != null && isAllowed(requestHost)) {
            return "http://" + requestHost;
        }
        String port = requestHost != null && isLoopback(requestHost) && requestHost.contains(":")
                && !requestHost.endsWith("]")
                ? requestHost.substring(requestHost.lastIndexOf(':') + 1) : String.valueOf(http.port());
        String httpHost = http.host();
        boolean listensOnLan = httpHost.equals("0.0.0.0") || httpHost.equals("::");
        String host = listensOnLan ? lanAddress().orElse("localhost") : httpHost;
        return "http://" + host + ":" + port;
    }

    /** The short form shown on the projector: the base URL without {@code http://}. */
    public static String shortForm(String url) {
        return url.replaceFirst("^https?://", "");
    }

    private boolean isAllowed(String host) {
        String name = name(host).toLowerCase(Locale.ROOT);
        return !isLoopback(host) && app.allowedHosts().orElse(List.of()).stream()
                .anyMatch(allowed -> allowed.strip().toLowerCase(Locale.ROOT).equals(name));
    }

    private static boolean isLoopback(String host) {
        String name = name(host);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
    }

    /** The host name or bracketed address of a {@code Host} value, without its port. */
    private static String name(String host) {
        return host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    }

    /** The first site-local IPv4 address of an interface that is up, such as 192.168.1.20. */
    static Optional<String> lanAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
