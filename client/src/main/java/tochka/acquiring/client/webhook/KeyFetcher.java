package tochka.acquiring.client.webhook;

import static tochka.acquiring.client.webhook.WebhookVerificationException.Reason.KEY_UNAVAILABLE;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the bank's public key from its URL: one GET whose whole exchange (connect, headers, body) must end within
 * the timeout, with the answer bounded in size.
 */
final class KeyFetcher {

    /** The bank's JWK is under 1 KB; a key set of a few keys stays far below this. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final URI keyUrl;
    private final Duration timeout;
    private @Nullable HttpClient httpClient;

    /** A fetcher from {@code keyUrl}, through {@code httpClient} or, when null, a client of its own made on first use. */
    KeyFetcher(@Nullable HttpClient httpClient, URI keyUrl, Duration timeout) {
        this.httpClient = httpClient;
        this.keyUrl = keyUrl;
        this.timeout = timeout;
    }

    /** Made lazily: a verifier that never needs to fetch (the shipped key suffices) starts no client threads. */
    private synchronized HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            httpClient = client;
        }
        return client;
    }

    /**
     * The RSA keys the URL serves now.
     *
     * @throws WebhookVerificationException with {@link WebhookVerificationException.Reason#KEY_UNAVAILABLE} when the
     *     fetch fails in any way, saying how
     */
    List<RSAPublicKey> fetch() {
        HttpRequest request = HttpRequest.newBuilder(keyUrl)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                httpClient().sendAsync(request, info -> new BoundedBody(info.statusCode()));
        HttpResponse<byte[]> response;
        try {
            // HttpRequest.timeout covers only the wait for the headers; the deadline here covers the body too.
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failure("no answer within " + timeout, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failure(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
        if (response.statusCode() != 200) {
            throw failure("HTTP " + response.statusCode() + " instead of 200", null);
        }
        try {
            return RsaKeys.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure(String.valueOf(e.getMessage()), e);
        }
    }

    private WebhookVerificationException failure(String what, @Nullable Throwable cause) {
        return new WebhookVerificationException(
                KEY_UNAVAILABLE, "cannot fetch the webhook key from " + keyUrl + ": " + what, cause);
    }

    /**
     * Collects the body up to {@link #MAX_BODY_BYTES} and gives up past it, so that a wrong URL or a hostile server
     * cannot fill the memory. A non-200 answer's body is not kept at all.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final boolean keep;
        private Flow.@Nullable Subscription subscription;

        BoundedBody(int statusCode) {
            this.keep = statusCode == 200;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone() || !keep) return;
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BODY_BYTES) {
                    if (subscription != null) subscription.cancel();
                    result.completeExceptionally(
                            new IllegalStateException("the answer is larger than " + MAX_BODY_BYTES + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
