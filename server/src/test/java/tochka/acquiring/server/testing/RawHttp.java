package tochka.acquiring.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 by hand over a socket, for what no client library would send: broken chunking, bodies that stop early,
 * request lines too long, versions that do not exist. Every request closes its connection.
 */
public final class RawHttp {

    private RawHttp() {}

    /** A response as read off the wire: status, header block (lower-cased names kept as sent) and body. */
    public record Response(int status, String head, String body) {

        /** The first value of header {@code name}, or "" when absent. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst().orElse("");
        }
    }

    /** Sends {@code request} as is (ISO-8859-1 bytes) and reads the answer until the server closes or 10 s pass. */
    public static Response send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Response send(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response from {@code in}: the head, then the body by Content-Length, or to the end. */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                n = -1;
            }
            if (n < 0) break;
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) contentLength = contentLength(text.substring(0, headEnd));
            }
            if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) break;
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) return new Response(-1, text, "");
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Response(status, head, text.substring(end + 4));
    }

    private static long contentLength(String head) {
        for (String line : head.lines().toList()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return -1;
    }
}
