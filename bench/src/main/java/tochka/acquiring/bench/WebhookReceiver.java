package tochka.acquiring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The shop's webhook endpoint, in the bench's own process so that arrival and approval times come from one clock
 * (System.nanoTime). Notes the first arrival per operationId, read from the JWT's payload without verifying it: the
 * bench measures delivery, the tests check signatures.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile long lastArrival = System.nanoTime();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
    }

    /** When the webhook about {@code operationId} first arrived (System.nanoTime), if it has. */
    @Nullable
    Long arrival(String operationId) {
        return arrivals.get(operationId);
    }

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        lastArrival = now;
        try (InputStream body = exchange.getRequestBody()) {
            String operationId = operationId(new String(body.readAllBytes(), StandardCharsets.US_ASCII));
            if (operationId != null) arrivals.putIfAbsent(operationId, now);
        } finally {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }
    }

    /** The operationId claim of a JWT's payload (its middle part, base64url), or null when it has none. */
    static @Nullable String operationId(String jwt) throws IOException {
        String[] parts = jwt.trim().split("\\.", -1);
        if (parts.length != 3) return null;
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        JsonNode operationId = claims.get("operationId");
        return operationId == null || !operationId.isTextual() ? null : operationId.asText();
    }

    /**
     * Waits until no webhook has come for {@code quiet} (the flow's approvals send webhooks too, and the webhook
     * scenario must not queue behind them), at most {@code limit}; returns how long it waited.
     */
    java.time.Duration awaitQuiet(java.time.Duration quiet, java.time.Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - lastArrival < quiet.toNanos() && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(50);
        }
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
