package tochka.acquiring.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as bytes, refused once it passes {@code limit}: the JDK's own byte-array handler would hold
 * whatever a broken or hostile endpoint streams.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer passed the limit; the connection was dropped unread. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    private static final Flow.Subscription EMPTY = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    };

    private final int limit;
    private final List<ByteBuffer> parts = new ArrayList<>();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    // Set on the client's thread, read by abort() on the caller's or the timer's.
    private volatile Flow.Subscription subscription = EMPTY;
    private long size;

    LimitedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) {
            subscription.cancel(); // aborted before the body began
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) return;
        for (ByteBuffer item : items) {
            size += item.remaining();
            if (size > limit) {
                parts.clear();
                body.completeExceptionally(new TooLarge(limit));
                subscription.cancel();
                return;
            }
            parts.add(item);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) return;
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (ByteBuffer part : parts) {
            int length = part.remaining();
            part.get(bytes, at, length);
            at += length;
        }
        body.complete(bytes);
    }

    /** Stops reading: the try was given up (its time ran out, or the caller cancelled). */
    void abort() {
        body.completeExceptionally(new IOException("the answer was abandoned"));
        subscription.cancel();
    }
}
