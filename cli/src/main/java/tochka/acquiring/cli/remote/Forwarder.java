package tochka.acquiring.cli.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Passes a webhook on to the developer's receiver as it came: the same method, the original body's bytes and its
 * headers but the hop-by-hop ones. The whole exchange, connect to the answer's last byte read, has one deadline, and
 * at most 4 KB of the answer is kept, so a receiver that hangs or streams forever costs a bounded time.
 */
final class Forwarder {

    /** Headers that belong to one connection, not to the message (RFC 9110 7.6.1), or that the client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "content-length",
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "expect",
            "http2-settings");

    private static final int KEPT_ANSWER_BYTES = 4096;

    private final URI target;
    private final Duration timeout;
    private final HttpClient http;

    Forwarder(URI target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
        // HTTP/1.1: a plain-http HTTP/2 client would add upgrade headers the original request did not have.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI target() {
        return target;
    }

    /**
     * What the receiver answered (its status, null when none came, and its body's first line), or why it did not;
     * {@code timedOut} when the deadline passed first.
     */
    record Answer(
            @Nullable Integer status,
            long millis,
            String firstLine,
            @Nullable String failure,
            boolean timedOut) {

        /** The status to give the sender: the receiver's, else 504 (no answer in time) or 502 (unreachable). */
        int statusForSender() {
            if (status != null) return status;
            return timedOut ? 504 : 502;
        }
    }

    /** Sends {@code body} with {@code method} and {@code headers} (as the sender sent them) to the receiver. */
    Answer forward(String method, Map<String, List<String>> headers, byte[] body) {
        long started = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) return;
            for (String value : values) {
                try {
                    request.header(name, value);
                } catch (IllegalArgumentException restricted) {
                    // A header the JDK's client sets itself (Date, Via...): it goes without ours.
                }
            }
        });
        AtomicInteger status = new AtomicInteger(-1);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(), info -> {
            status.set(info.statusCode());
            return HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                synchronized (kept) {
                    int room = KEPT_ANSWER_BYTES - kept.size();
                    if (room > 0) kept.write(bytes, 0, Math.min(room, bytes.length));
                }
            }));
        });
        String failure = null;
        boolean timedOut = false;
        try {
            exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            timedOut = true;
            failure = status.get() < 0
                    ? "no answer within " + timeout.toMillis() + " ms"
                    : "the answer's body did not end within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            timedOut = e.getCause() instanceof HttpTimeoutException;
            failure = describe(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            failure = "interrupted";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        String firstLine;
        synchronized (kept) {
            firstLine = firstLine(kept.toByteArray());
        }
        return new Answer(status.get() < 0 ? null : status.get(), millis, firstLine, failure, timedOut);
    }

    private String describe(@Nullable Throwable cause) {
        if (cause instanceof HttpTimeoutException) return "no answer within " + timeout.toMillis() + " ms";
        if (cause instanceof ConnectException) {
            return "cannot connect to " + target.getHost() + ":" + port(target) + " (is the receiver running?)";
        }
        if (cause instanceof IOException) return "the connection to " + target.getHost() + " failed: " + cause;
        return "forwarding failed: " + cause;
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The answer's first line, at most 200 characters, without control characters (it goes to a terminal). */
    static String firstLine(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8).strip();
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).strip();
        return EventPrinter.printable(line, 200);
    }
}
