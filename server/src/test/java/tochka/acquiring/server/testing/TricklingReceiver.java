package tochka.acquiring.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A webhook receiver that attacks its caller: it behaves until told to {@linkplain #trickle trickle}, then answers
 * each request one byte a second, in its headers, its body (after announcing {@code Content-Length: 1000000000}) or
 * in chunks that never end. A thread per connection reads the requests; one scheduler thread drips every trickling
 * answer, a piece a second, so the pace comes from the schedule and no thread sleeps. {@link #close()} hangs up on
 * every connection.
 */
public final class TricklingReceiver implements AutoCloseable {

    /** How the answer is given. */
    public enum Mode {
        /** {@code 200} with an empty body at once: how it behaves while a webhook is being saved. */
        BEHAVE,
        /** {@code 200} and {@code Content-Length: 1000000000} at once, then the body one byte a second. */
        BODY,
        /** The status line and headers one byte a second. */
        HEADERS,
        /** {@code 200}, chunked, then a one-byte chunk a second for ever. */
        CHUNKS
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "trickling-drip");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Mode mode = Mode.BEHAVE;

    private TricklingReceiver() {
        try {
            server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "trickling-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TricklingReceiver start() {
        return new TricklingReceiver();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/tochka/webhook";
    }

    /** From now on, every request is answered as {@code mode} says. */
    public void trickle(Mode mode) {
        this.mode = mode;
    }

    /** How many requests have arrived (their headers read). */
    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread answering = new Thread(() -> answer(socket), "trickling-answer");
                answering.setDaemon(true);
                answering.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                int length = readHead(in);
                if (length < 0) {
                    hangUp(socket);
                    return;
                }
                in.readNBytes(length);
                requests.incrementAndGet();
                switch (mode) {
                    case BEHAVE -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
                        out.flush();
                    }
                    case BODY -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n"));
                        drip(socket, Stream.generate(() -> ascii("x")).iterator());
                        return;
                    }
                    case HEADERS -> {
                        byte[] head = ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Slow: " + "x".repeat(1000));
                        drip(
                                socket,
                                IntStream.range(0, head.length)
                                        .mapToObj(i -> new byte[] {head[i]})
                                        .iterator());
                        return;
                    }
                    case CHUNKS -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
                        drip(socket, Stream.generate(() -> ascii("1\r\nx\r\n")).iterator());
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the caller hung up, or the receiver closed: either way this connection is over
            hangUp(socket);
        }
    }

    /**
     * Writes {@code pieces} to {@code socket}, the first now and each next a second later, then hangs up; also hangs
     * up when the caller does or the receiver closes.
     */
    private void drip(Socket socket, Iterator<byte[]> pieces) {
        Runnable next = new Runnable() {
            @Override
            public void run() {
                try {
                    if (!pieces.hasNext()) {
                        hangUp(socket);
                        return;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(pieces.next());
                    out.flush();
                    var unused = dripper.schedule(this, 1, TimeUnit.SECONDS);
                } catch (IOException | RejectedExecutionException e) {
                    hangUp(socket);
                }
            }
        };
        try {
            dripper.execute(next);
        } catch (RejectedExecutionException e) {
            hangUp(socket);
        }
    }

    private void hangUp(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Reads a request's head; returns its Content-Length (0 when none), or -1 at the end of the stream. */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) return -1;
            head.append((char) b);
            if (head.length() > 65536) return -1;
        }
        for (String line : head.toString().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        dripper.shutdownNow();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::hangUp);
    }
}
