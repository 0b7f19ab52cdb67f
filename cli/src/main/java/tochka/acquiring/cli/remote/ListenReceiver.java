package tochka.acquiring.cli.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.webhook.WebhookEvent;
import tochka.acquiring.client.webhook.WebhookVerificationException;
import tochka.acquiring.client.webhook.WebhookVerifier;

/**
 * The local HTTP endpoint of {@code tochka listen} (the JDK's server): it reads each request's body up to the
 * verifier's 64 KB, checks its JWT, passes a genuine one on with the {@link Forwarder} and answers the sender with the
 * receiver's status, so that a failing receiver makes the sender retry, as the bank would. A body that does not
 * verify is never forwarded.
 *
 * <p>No request holds a thread for ever: reading a request and writing the answer are bounded by the JDK server's
 * {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime} (set here unless the user set them), and forwarding by the
 * forwarder's deadline; a few threads serve all requests.
 */
final class ListenReceiver implements AutoCloseable {

    /** The longest body read, as the SDK's verifier: the bank's webhooks are about 2 KB. */
    static final int MAX_BODY = WebhookVerifier.MAX_BODY_LENGTH;

    /** How much of a too long body is read and dropped before the 413. */
    private static final long MAX_DRAINED = 1024 * 1024;

    private static final int THREADS = 4;
    private static final String REQUEST_SECONDS = "30";

    private final HttpServer server;
    private final ExecutorService workers;
    private final WebhookVerifier verifier;
    private final @Nullable Forwarder forwarder;
    private final EventPrinter printer;
    private final @Nullable Integer limit;
    private final Runnable onLimit;
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean registering;

    private ListenReceiver(
            HttpServer server,
            WebhookVerifier verifier,
            @Nullable Forwarder forwarder,
            EventPrinter printer,
            @Nullable Integer limit,
            Runnable onLimit) {
        this.server = server;
        this.verifier = verifier;
        this.forwarder = forwarder;
        this.printer = printer;
        this.limit = limit;
        this.onLimit = onLimit;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "tochka-listen-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /**
     * Starts listening on {@code host}:{@code port} (0 for a free port). After {@code limit} genuine events (null: no
     * limit) it runs {@code onLimit} and answers further ones 503 without passing them on or printing them, so that
     * exactly {@code limit} are shown.
     */
    static ListenReceiver start(
            String host,
            int port,
            WebhookVerifier verifier,
            @Nullable Forwarder forwarder,
            EventPrinter printer,
            @Nullable Integer limit,
            Runnable onLimit) {
        boundRequestTimes();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new CliFailure(ExitCodes.REJECTED, "--host " + host + ": no such address on this machine");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "cannot listen on " + host + ":" + port + ": " + e.getMessage()
                            + (port == 0 ? "" : " (is the port taken? --port 0 picks a free one)"),
                    e);
        }
        ListenReceiver receiver = new ListenReceiver(server, verifier, forwarder, printer, limit, onLimit);
        server.start();
        return receiver;
    }

    /**
     * The JDK server's limits on reading a request and writing an answer, in seconds: read once, when its first
     * server starts, so a user's own {@code -D} setting wins.
     */
    private static void boundRequestTimes() {
        for (String property : new String[] {"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"}) {
            if (System.getProperty(property) == null) System.setProperty(property, REQUEST_SECONDS);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Where it listens, as a URL. */
    String url() {
        return "http://" + hostForUrl(server.getAddress().getAddress()) + ":" + port() + "/";
    }

    /**
     * The URL this project's server reaches it at on the same machine: {@code 127.0.0.1} when it listens on loopback
     * or on every address, else the address it listens on.
     */
    String localUrl() {
        InetAddress bound = server.getAddress().getAddress();
        if (bound.isAnyLocalAddress() || bound.isLoopbackAddress()) return "http://127.0.0.1:" + port() + "/";
        return url();
    }

    /**
     * While the webhook is being registered the server tests the URL with a webhook of each type: those are
     * answered 200 and not forwarded, so that a receiver that is not yet ready cannot fail the registration.
     */
    void registering(boolean registering) {
        this.registering = registering;
    }

    /** Stops listening, waiting a second at most for requests in flight; only the first call does anything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        server.stop(1);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            handleOne(exchange);
        } catch (IOException | RuntimeException e) {
            // The sender went away, or a bug: the next request is served all the same.
            printer.warn("listen: a request from " + exchange.getRemoteAddress() + " failed: " + e);
        } finally {
            exchange.close();
        }
    }

    private void handleOne(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        byte[] body = readBody(exchange);
        if (body == null) {
            refuse(exchange, receivedAt, 413, "TOO_LARGE", "the body is larger than " + MAX_BODY + " bytes");
            return;
        }
        WebhookEvent event;
        try {
            event = verifier.verify(new String(body, StandardCharsets.UTF_8));
        } catch (WebhookVerificationException e) {
            // No key to check with is not the sender's fault: a 5xx makes it deliver again later.
            int status = e.reason() == WebhookVerificationException.Reason.KEY_UNAVAILABLE ? 503 : 400;
            refuse(exchange, receivedAt, status, e.reason().name(), String.valueOf(e.getMessage()));
            return;
        }
        if (registering) {
            answer(exchange, 200, "ok: the registration's test webhook");
            printer.note("The server's test " + EventPrinter.printable(event.webhookType(), 64)
                    + " webhook of the registration: answered 200, not forwarded.");
            return;
        }
        int number = taken.incrementAndGet();
        if (limit != null && number > limit) {
            // The sender delivers it again later: to whatever the webhook is by then.
            answer(exchange, 503, "tochka listen is stopping: it has received its --count events");
            return;
        }
        Forwarder.Answer answer = forwarder == null
                ? null
                : forwarder.forward(exchange.getRequestMethod(), exchange.getRequestHeaders(), body);
        int status = answer == null ? 200 : answer.statusForSender();
        answer(
                exchange,
                status,
                answer == null
                        ? "ok: printed by tochka listen"
                        : answer.status() != null
                                ? "forwarded: the receiver answered " + answer.status()
                                : "not delivered: " + answer.failure());
        printer.print(new EventPrinter.Delivery(
                receivedAt,
                event,
                null,
                null,
                answer,
                forwarder == null ? null : forwarder.target().toString(),
                status));
        if (limit != null && number == limit) onLimit.run();
    }

    /**
     * The body, or null when it is longer than {@link #MAX_BODY}. A too long body is still read (and dropped) up to
     * {@link #MAX_DRAINED} bytes, so that the sender, still sending, gets the 413 rather than a reset connection.
     */
    private static byte @Nullable [] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_DRAINED) return null;
            } catch (NumberFormatException e) {
                // The JDK's server has refused a malformed length already; read and count.
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = exchange.getRequestBody()) {
            int read;
            while (total <= MAX_DRAINED && (read = in.read(buffer)) >= 0) {
                total += read;
                if (total <= MAX_BODY) body.write(buffer, 0, read);
            }
        }
        return total > MAX_BODY ? null : body.toByteArray();
    }

    private void refuse(HttpExchange exchange, Instant receivedAt, int status, String reason, String why)
            throws IOException {
        answer(exchange, status, "not forwarded: " + why);
        printer.print(new EventPrinter.Delivery(receivedAt, null, why, reason, null, null, status));
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (status == 204 || status == 304 || status < 200) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String hostForUrl(InetAddress address) {
        String literal = address.getHostAddress();
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }
}
