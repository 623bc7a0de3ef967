package dk.afstemning.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The key that per-client limits count under: the client's IPv4 address, or the /64 network of an IPv6 address (one
 * household, phone or venue gets a whole /64, so counting single IPv6 addresses would be no limit at all). The address
 * is the connection's, or the proxy's {@code Forwarded}/{@code X-Forwarded-For} when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on. The key is always safe to log.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client key of a request. */
    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null ? "unknown" : key(address.hostAddress() != null ? address.hostAddress() : address.host());
    }

    /**
     * The key of an address as text: the IPv4 address, {@code <prefix>::/64} for IPv6, or {@code other-<hash>} for
     * text that is no IP address (never echoed, as a forwarded header can hold anything).
     */
    static String key(String host) {
        if (host == null) {
            return "unknown";
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = literal.length() > 64 ? null : NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return "other-" + hash(host);
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes.length == 4) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
