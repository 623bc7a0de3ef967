package dk.afstemning.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 spoken by hand over a plain socket to 127.0.0.1, for what ordinary clients refuse to send: a header they
 * restrict ({@code Host}, {@code Sec-WebSocket-Extensions}), a path with raw escapes, or half a request.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(URI base) throws IOException {
        socket = new Socket("127.0.0.1", base.getPort());
        socket.setSoTimeout(10_000);
    }

    /** A connection to the server at {@code base}; reads time out after 10 s. */
    public static RawHttp connect(URI base) throws IOException {
        return new RawHttp(base);
    }

    /** Sends {@code text} as it is (lines must end in CRLF). */
    public RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** The response's status line and headers, up to the empty line (or what came before the server closed). */
    public String head() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Everything the server sends after the head until it closes the connection (send {@code Connection: close}). */
    public String rest() throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** True when the server has closed the connection: a read ends (at most 10 s) with no more data. */
    public boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /**
     * Sends one masked WebSocket frame, after an upgrade: {@code first} is the frame's first byte (FIN, RSV bits and
     * opcode, e.g. {@code 0x81} for a whole text message), {@code payload} its data.
     */
    public RawHttp sendFrame(int first, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(first);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * The next WebSocket frame from the server as text: {@code text:<payload>} for a text frame, {@code close:<code>}
     * for a close frame, {@code eof} when the connection ended; other frames as {@code op<n>}.
     */
    public String readFrame() throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
        int first;
        try {
            first = in.read();
        } catch (java.net.SocketException e) {
            return "eof";
        }
        if (first < 0) {
            return "eof";
        }
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        if (opcode == 1) {
            return "text:" + new String(payload, StandardCharsets.UTF_8);
        }
        if (opcode == 8) {
            return "close:" + (payload.length >= 2 ? ((payload[0] & 0xff) << 8 | (payload[1] & 0xff)) : 1005);
        }
        return "op" + opcode;
    }

    /** The status code of a response head. */
    public static int status(String head) {
        String[] parts = head.split(" ", 3);
        return parts.length < 2 ? -1 : Integer.parseInt(parts[1]);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
