package tochka.acquiring.server.webhooks;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt, as the bank makes it: {@code POST} of the JWT as {@code text/plain}; no redirects followed; an
 * answer other than 200, or none within the timeout, is a failure.
 *
 * <p>Every attempt is asynchronous and bounded whatever the receiver does: the timeout covers the whole exchange
 * (name lookup, connect, TLS, request, status, headers and body), and only the status matters, so at most
 * {@link #MAX_ANSWER} bytes of the answer are read; a longer one (or one announcing a longer length) is cut off
 * once its status is known. A receiver answering {@code 200} with {@code Content-Length: 1000000000} and then one
 * byte a second therefore costs one connection for a moment, not a thread for ever. Connections go only to the
 * addresses {@link WebhookTargets} permits ({@link CheckedResolver}).
 *
 * <p>A failure is told as the merchant would want to read it in the delivery log: what went wrong and with which
 * host and port ({@code connection refused: localhost:9000}), not the exception class. That detail is for the
 * operator's log only; what an API caller is told is decided by {@link Webhooks}.
 */
final class Delivery implements AutoCloseable {

    /** How much of an answer is read: its status is all that counts. */
    static final int MAX_ANSWER = 4096;

    /** How an attempt went: the status code (null when there was no answer), the time it took, and why it failed. */
    record Result(
            @Nullable Integer statusCode,
            long latencyMillis,
            @Nullable String error) {

        boolean delivered() {
            return statusCode != null && statusCode == 200;
        }
    }

    private final HttpClient http;
    private final CompletableFuture<Void> started;
    private final Duration timeout;
    private final WebhookTargets targets;

    Delivery(Duration timeout, WebhookTargets targets) {
        this(timeout, targets, InetAddress::getAllByName);
    }

    Delivery(Duration timeout, WebhookTargets targets, CheckedResolver.Lookup lookup) {
        this.timeout = timeout;
        this.targets = targets;
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("webhook-client");
        threads.setDaemon(true);
        http = new HttpClient();
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler("webhook-client-timer", true));
        http.setFollowRedirects(false);
        http.setConnectTimeout(timeout.toMillis());
        http.setIdleTimeout(timeout.toMillis());
        http.setAddressResolutionTimeout(timeout.toMillis());
        http.setSocketAddressResolver(new CheckedResolver(targets, threads, lookup));
        http.setUserAgentField(null); // the bank's requests name no client software; neither do ours
        // Starting the client sets up TLS, a tenth of a second or two that the server's start need not wait for:
        // it starts beside the rest, and the first post waits for it.
        started = CompletableFuture.runAsync(this::startClient, runnable -> {
            Thread starter = new Thread(runnable, "webhook-client-start");
            starter.setDaemon(true);
            starter.start();
        });
    }

    private void startClient() {
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the webhook HTTP client", e);
        }
    }

    WebhookTargets targets() {
        return targets;
    }

    /** Posts {@code token} to {@code url}; the future always completes (never exceptionally) within the timeout. */
    CompletableFuture<Result> post(String url, String token) {
        long start = System.nanoTime();
        try {
            started.join();
        } catch (CompletionException e) {
            return CompletableFuture.completedFuture(
                    new Result(null, elapsed(start), abbreviate("the webhook client did not start: " + describe(e))));
        }
        URI uri;
        Request request;
        try {
            uri = URI.create(url);
            if (uri.getHost() == null) throw new IllegalArgumentException("no host in " + url);
            request = http.newRequest(uri)
                    .method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> headers.put(HttpHeader.CONTENT_TYPE, "text/plain"))
                    .body(new StringRequestContent("text/plain", token, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new Result(null, elapsed(start), abbreviate("not a usable URL: " + e.getMessage())));
        }
        CompletableFuture<Result> done = new CompletableFuture<>();
        request.send(new StatusOnly(endpoint(uri), start, done));
        return done;
    }

    /** Reads the status and up to {@link #MAX_ANSWER} bytes of the body, then completes {@code done}. */
    private final class StatusOnly implements Response.Listener {
        private final String endpoint;
        private final long start;
        private final CompletableFuture<Result> done;
        private final AtomicInteger read = new AtomicInteger();
        private volatile @Nullable Integer status;

        StatusOnly(String endpoint, long start, CompletableFuture<Result> done) {
            this.endpoint = endpoint;
            this.start = start;
            this.done = done;
        }

        @Override
        public void onHeaders(Response response) {
            status = response.getStatus();
            if (response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > MAX_ANSWER) {
                response.abort(new AnswerCutOff());
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            if (read.addAndGet(content.remaining()) > MAX_ANSWER) response.abort(new AnswerCutOff());
            content.position(content.limit());
        }

        @Override
        public void onComplete(org.eclipse.jetty.client.Result result) {
            Integer answered = status;
            if (answered != null) {
                // The status line came: that is the answer, whether or not the rest of the body was worth reading.
                done.complete(new Result(
                        answered, elapsed(start), answered == 200 ? null : "HTTP " + answered + " from " + endpoint));
            } else {
                Throwable failure = result.getFailure();
                done.complete(new Result(
                        null,
                        elapsed(start),
                        abbreviate(failure == null ? "no answer from " + endpoint : reason(failure, endpoint))));
            }
        }
    }

    /** Why an answer was not read to its end: it is longer than anything worth reading. */
    private static final class AnswerCutOff extends Exception {
        AnswerCutOff() {
            super("answer longer than " + MAX_ANSWER + " bytes: cut off after the status", null, false, false);
        }
    }

    /** Why no answer came from {@code endpoint}, in words. */
    private String reason(Throwable error, String endpoint) {
        var refused = cause(error, CheckedResolver.RefusedAddress.class);
        if (refused != null) return "not sent: " + refused.getMessage();
        if (cause(error, TimeoutException.class) != null) {
            return "no answer within " + timeout.toMillis() + " ms from " + endpoint;
        }
        if (cause(error, SocketTimeoutException.class) != null) {
            return "no connection within " + timeout.toMillis() + " ms to " + endpoint;
        }
        if (cause(error, UnknownHostException.class) != null) return "unknown host " + endpoint;
        ConnectException connect = cause(error, ConnectException.class);
        if (connect != null) {
            String detail = connect.getMessage();
            return detail == null || detail.toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused: " + endpoint
                    : "cannot connect to " + endpoint + ": " + detail;
        }
        if (cause(error, SSLException.class) != null) {
            return "TLS handshake with " + endpoint + " failed: " + describe(error);
        }
        if (cause(error, EOFException.class) != null || cause(error, ClosedChannelException.class) != null) {
            return "connection closed by " + endpoint + " without an answer";
        }
        return "connection to " + endpoint + " failed: " + describe(error);
    }

    /** {@code host:port} of {@code uri}, with the scheme's default port when the URL names none. */
    static String endpoint(URI uri) {
        return uri.getHost() + ":" + WebhookTargets.port(uri);
    }

    private static <T extends Throwable> @Nullable T cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) return type.cast(cause);
        }
        return null;
    }

    private static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) return cause.getMessage();
        }
        return error.getClass().getSimpleName();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    @Override
    public void close() {
        try {
            started.join();
            http.stop();
        } catch (Exception e) {
            // stopping: nothing left to deliver to
        }
    }
}
