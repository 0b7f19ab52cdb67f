package tochka.acquiring.server.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt, as the bank makes it: {@code POST} of the JWT as {@code text/plain}; no redirects followed; an
 * answer other than 200, or none within the timeout, is a failure.
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
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(token))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(status, elapsed(start), status == 200 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Result(null, elapsed(start), "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
            return new Result(null, elapsed(start), abbreviate(e.getClass().getSimpleName() + reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, elapsed(start), "interrupted");
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
