package tochka.acquiring.server.webhooks;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt, as the bank makes it: {@code POST} of the JWT as {@code text/plain}; no redirects followed; an
 * answer other than 200, or none within the timeout, is a failure. A failure is told as the merchant would want to
 * read it in the delivery log: what went wrong and with which host and port ({@code connection refused:
 * localhost:9000}), not the JDK's exception class.
 */
final class Delivery {

    /** How an attempt went: the status code (null when there was no answer), the time it took, and why it failed. */
    record Result(@Nullable Integer statusCode, long latencyMillis, @Nullable String error) {

        boolean delivered() {
            return statusCode != null && statusCode == 200;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    Delivery(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    Result post(String url, String token) {
        long start = System.nanoTime();
        URI uri;
        HttpRequest request;
        try {
            uri = URI.create(url);
            request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(token))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Result(null, elapsed(start), abbreviate("not a usable URL: " + e.getMessage()));
        }
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(status, elapsed(start), status == 200 ? null : "HTTP " + status + " from " + endpoint(uri));
        } catch (IOException e) {
            return new Result(null, elapsed(start), abbreviate(reason(e, endpoint(uri))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, elapsed(start), "interrupted");
        }
    }

    /** Why no answer came from {@code endpoint}, in words. */
    private String reason(IOException error, String endpoint) {
        // The JDK client wraps the socket's exception once or twice, and on JDK 17 a refused connection arrives as a
        // ConnectException with no message at all, so the class of the cause is what tells the cases apart.
        if (error instanceof HttpConnectTimeoutException) {
            return "no connection within " + timeout.toMillis() + " ms to " + endpoint;
        }
        if (error instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms from " + endpoint;
        }
        if (causedBy(error, UnresolvedAddressException.class)) return "unknown host " + endpoint;
        if (error instanceof ConnectException) {
            String detail = firstMessage(error);
            return detail == null || detail.toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused: " + endpoint
                    : "cannot connect to " + endpoint + ": " + detail;
        }
        if (error instanceof SSLException) {
            return "TLS handshake with " + endpoint + " failed: " + describe(error);
        }
        if (closedWithoutAnswer(error)) return "connection closed by " + endpoint + " without an answer";
        return "connection to " + endpoint + " failed: " + describe(error);
    }

    /** {@code host:port} of {@code uri}, with the scheme's default port when the URL names none. */
    static String endpoint(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /**
     * The JDK's client reports a receiver that hangs up before answering in one of two ways, depending on when it
     * notices: an {@link EOFException}, or an {@code IOException} saying its header parser received no bytes.
     */
    private static boolean closedWithoutAnswer(Throwable error) {
        if (causedBy(error, EOFException.class)) return true;
        String message = firstMessage(error);
        return message != null && message.contains("header parser received no bytes");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) return true;
        }
        return false;
    }

    private static @Nullable String firstMessage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) return cause.getMessage();
        }
        return null;
    }

    private static String describe(Throwable error) {
        String message = firstMessage(error);
        return message != null ? message : error.getClass().getSimpleName();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
