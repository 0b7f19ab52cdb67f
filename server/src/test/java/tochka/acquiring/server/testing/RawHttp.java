package tochka.acquiring.server.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 written byte by byte over one kept-alive socket, for requests no well-behaved client would send: bytes
 * that are not UTF-8 in the request line, any method, duplicate and huge headers, broken chunked framing. The
 * request is sent exactly as given (the caller writes {@code Content-Length} or {@code Transfer-Encoding}); the
 * answer is read by its {@code Content-Length}, its chunks, or to the end of the connection.
 */
public final class RawHttp implements AutoCloseable {

    /** Longer than any answer may take: the server's body deadline is 10 s. */
    private static final int TIMEOUT_MILLIS = 15_000;
    /** Answers beyond this are read and dropped: a test needs the start of a body, not megabytes of it. */
    private static final int KEPT_BODY_BYTES = 4 << 20;

    private final String host;
    private final int port;
    private @Nullable Socket socket;
    private @Nullable InputStream in;
    private byte @Nullable [] lastRequest;
    private byte @Nullable [] stalledAfter;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** An answer: status 0 when the server closed the connection without one. */
    @SuppressWarnings("ArrayRecordComponent") // the body's bytes as read; answers are inspected, never compared
    public record Answer(int status, List<String> headers, byte[] body) {

        public @Nullable String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String header : headers) {
                if (header.toLowerCase(Locale.ROOT).startsWith(prefix))
                    return header.substring(prefix.length()).trim();
            }
            return null;
        }

        /** The body as text, unzipped when the server compressed it (it does for a client that accepts gzip). */
        public String text() {
            String encoding = header("Content-Encoding");
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
                try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    return new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(a gzip body that does not unzip: " + e.getMessage() + ")";
                }
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code request} (request line, headers, blank line and body, all as bytes) and reads one answer. With
     * {@code lastOnConnection} the connection is closed afterwards, for requests whose framing the server may read
     * differently from the sender.
     */
    public Answer exchange(byte[] request, boolean lastOnConnection) throws IOException {
        return exchange(request, lastOnConnection, false);
    }

    /** As {@link #exchange(byte[], boolean)}; with {@code halfClose} the sending side is shut after the request. */
    public Answer exchange(byte[] request, boolean lastOnConnection, boolean halfClose) throws IOException {
        boolean fresh = socket == null;
        stalledAfter = null;
        byte[] previous = lastRequest;
        lastRequest = request;
        try {
            Answer answer = exchangeOnce(request, lastOnConnection || halfClose, halfClose);
            // Silence on a kept-alive connection is the server having closed it between requests: once more.
            if (answer.status() == 0 && !fresh) return exchangeOnce(request, lastOnConnection || halfClose, halfClose);
            return answer;
        } catch (SocketTimeoutException e) {
            close();
            if (fresh) throw e;
            // The server kept the connection open but never answered: a fault of its own, whatever the retry gets.
            stalledAfter = previous;
            return exchangeOnce(request, lastOnConnection || halfClose, halfClose);
        } catch (IOException e) {
            close();
            // A kept-alive connection the server had already closed: try once more on a new one.
            if (!fresh) return exchangeOnce(request, lastOnConnection || halfClose, halfClose);
            throw e;
        }
    }

    /**
     * After {@link #exchange}: the request sent before it on the same connection when the server left this one
     * unanswered on that kept-alive connection until the read timed out (it was then sent again on a new one), or
     * null when it did not.
     */
    public byte @Nullable [] stalledAfter() {
        return stalledAfter;
    }

    private Answer exchangeOnce(byte[] request, boolean lastOnConnection, boolean halfClose) throws IOException {
        if (socket == null) {
            Socket opened = new Socket();
            opened.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            opened.setSoTimeout(TIMEOUT_MILLIS);
            opened.setTcpNoDelay(true);
            socket = opened;
            in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
        }
        OutputStream out = socket.getOutputStream();
        try {
            out.write(request);
            out.flush();
            if (halfClose) socket.shutdownOutput();
        } catch (IOException e) {
            // The server may answer and close before it has read all of a large request; read what it said.
        }
        Answer answer = read(request);
        if (lastOnConnection || answer.status() == 0 || closes(answer)) close();
        return answer;
    }

    /**
     * Sends {@code request} (ISO-8859-1) on a loopback connection of its own, shut for sending after it, and reads
     * the answer: for a single request whose framing is the point of the test. The body is read by the answer's
     * framing even after a HEAD, so a body sent where none belongs shows up.
     */
    public static Answer send(int port, String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return read(new BufferedInputStream(socket.getInputStream()), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer to a request other than HEAD from {@code input}, e.g. a socket a test drives itself. */
    public static Answer read(InputStream input) throws IOException {
        return read(input, false);
    }

    private Answer read(byte[] request) throws IOException {
        InputStream input = in;
        if (input == null) throw new IllegalStateException("not connected");
        Answer answer = read(input, startsWith(request, "HEAD "));
        boolean framed = answer.header("Content-Length") != null || answer.header("Transfer-Encoding") != null;
        if (!framed && answer.body().length > 0) close(); // read to the end of the connection
        return answer;
    }

    private static Answer read(InputStream input, boolean headRequest) throws IOException {
        String statusLine = line(input);
        if (statusLine == null) return new Answer(0, List.of(), new byte[0]);
        while (statusLine.startsWith("HTTP/1.1 1") && !statusLine.startsWith("HTTP/1.1 101")) {
            while (!emptyOrNull(line(input))) {
                /* headers of an interim answer */
            }
            statusLine = line(input);
            if (statusLine == null) return new Answer(0, List.of(), new byte[0]);
        }
        String[] parts = statusLine.split(" ", 3);
        int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
        List<String> headers = new ArrayList<>();
        for (String header = line(input); !emptyOrNull(header); header = line(input)) headers.add(header);
        Answer head = new Answer(status, headers, new byte[0]);
        boolean noBody = headRequest || status == 204 || status == 304;
        if (noBody) return head;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = head.header("Content-Length");
        String encoding = head.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (; ; ) {
                String size = line(input);
                if (size == null) break;
                int semicolon = size.indexOf(';');
                long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (chunk == 0) {
                    while (!emptyOrNull(line(input))) {
                        /* trailers */
                    }
                    break;
                }
                copy(input, body, chunk);
                line(input);
            }
        } else if (length != null) {
            copy(input, body, Long.parseLong(length.trim()));
        } else {
            copy(input, body, Long.MAX_VALUE);
        }
        return new Answer(status, headers, body.toByteArray());
    }

    private static boolean closes(Answer answer) {
        String connection = answer.header("Connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }

    private static void copy(InputStream input, ByteArrayOutputStream body, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = input.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) break;
            if (body.size() < KEPT_BODY_BYTES) body.write(buffer, 0, Math.min(read, KEPT_BODY_BYTES - body.size()));
            left -= read;
        }
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static @Nullable String line(InputStream input) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (; ; ) {
            int b = input.read();
            if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    private static boolean emptyOrNull(@Nullable String line) {
        return line == null || line.isEmpty();
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] start = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < start.length) return false;
        for (int i = 0; i < start.length; i++) {
            if (bytes[i] != start[i]) return false;
        }
        return true;
    }

    @Override
    public void close() {
        Socket open = socket;
        socket = null;
        in = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
