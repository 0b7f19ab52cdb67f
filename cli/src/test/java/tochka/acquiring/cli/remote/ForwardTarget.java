package tochka.acquiring.cli.remote;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The developer's own webhook endpoint in {@code listen}'s tests (the JDK's server on loopback): it records each
 * request, method, headers and body, and answers the status it was given with a two-line body.
 */
final class ForwardTarget implements AutoCloseable {

    /** A request as it arrived. */
    record Request(String method, Headers headers, String body) {}

    private final HttpServer server;
    private final int status;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    private ForwardTarget(int status) {
        this.status = status;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** An endpoint that answers every request with {@code status}. */
    static ForwardTarget answering(int status) {
        return new ForwardTarget(status);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next request, waiting up to {@code deadline}; an AssertionError when none comes. */
    Request next(Duration deadline) throws InterruptedException {
        Request next = requests.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) throw new AssertionError("nothing was forwarded within " + deadline);
        return next;
    }

    /** Requests received and not yet taken. */
    int count() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
            byte[] answer = ("answered " + status + " by the shop\nsecond line\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
