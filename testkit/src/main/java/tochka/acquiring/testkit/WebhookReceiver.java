package tochka.acquiring.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A merchant's webhook endpoint on loopback: records every POST and answers 200, or the statuses it is told to
 * answer next, or holds its answer until a latch opens. Register {@link #url()} as the webhook URL, then wait for
 * each event with {@link #next(Duration)}; the body of an event is the bank's signed JWT.
 *
 * <pre>{@code
 * try (WebhookReceiver receiver = WebhookReceiver.start()) {
 *     // register receiver.url() for the demo key: PUT <apiUrl>/webhook/v1.0/<clientId>, as the bank documents
 *     server.control().pay(operationId);
 *     String jwt = receiver.next(Duration.ofSeconds(10)).body();
 * }
 * }</pre>
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One request as it arrived: its {@code Content-Type} ({@code "null"} when it had none), its body, and when it
     * arrived ({@link System#nanoTime()}).
     */
    public record Received(String contentType, String body, long nanoTime) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> history = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final List<String> held = new ArrayList<>();
    private volatile @Nullable CountDownLatch hold;
    private volatile Duration holdAtMost = Duration.ZERO;

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver on a free loopback port. */
    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    /** A receiver on a given port: the same endpoint coming back after an outage. */
    public static WebhookReceiver start(int port) {
        return new WebhookReceiver(port);
    }

    /** The port it listens on, on loopback. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL to register as the webhook: {@code http://127.0.0.1:<port>/tochka/webhook}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/tochka/webhook";
    }

    /** The next requests are answered with these statuses, in order; then 200 again. */
    public synchronized void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Every request waits until {@code latch} opens, but no longer than {@code atMost}. */
    public void holdUntil(CountDownLatch latch, Duration atMost) {
        holdAtMost = atMost;
        hold = latch;
    }

    /**
     * The next request not yet taken, waiting up to {@code deadline} for it.
     *
     * @throws AssertionError when none comes in time, failing the test
     */
    public Received next(Duration deadline) {
        try {
            Received next = received.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) throw new AssertionError("no webhook arrived within " + deadline);
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Forgets what arrived so far (the test webhooks of a subscription). */
    public void clear() {
        received.clear();
    }

    /** How many requests arrived that {@link #next} has not taken yet. */
    public int count() {
        return received.size();
    }

    /** Every request that arrived since the start, in order, whether or not {@link #next} or {@link #clear} took it. */
    public List<Received> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Requests that have arrived, including those still held and not yet answered. */
    public int arrivals() {
        return arrivals.get();
    }

    /** The bodies of the requests held now by {@link #holdUntil}, in the order they arrived. */
    public List<String> held() {
        synchronized (held) {
            return List.copyOf(held);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.incrementAndGet();
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CountDownLatch latch = hold;
            if (latch != null) {
                synchronized (held) {
                    held.add(body);
                }
                try {
                    latch.await(holdAtMost.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (held) {
                        held.remove(body);
                    }
                }
            }
            int status;
            synchronized (this) {
                Integer next = statuses.poll();
                status = next == null ? 200 : next;
            }
            Received request = new Received(
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")), body, System.nanoTime());
            received.add(request);
            synchronized (history) {
                history.add(request);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Stops listening; requests in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
    }
}
