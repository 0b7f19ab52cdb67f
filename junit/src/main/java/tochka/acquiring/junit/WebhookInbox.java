package tochka.acquiring.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookEvent;
import tochka.acquiring.client.webhook.WebhookVerificationException;
import tochka.acquiring.client.webhook.WebhookVerifier;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * The merchant's webhook endpoint for the test server: a loopback receiver registered as the demo key's
 * {@code acquiringInternetPayment} webhook when a test first asks for the inbox, whose events are verified with the
 * SDK's {@link WebhookVerifier} against the server's published key before a test sees them.
 *
 * <p>The inbox owns the demo key's webhook subscription on its server: a test that changes it through
 * {@code webhooks().edit(...)} or {@code delete(...)} cuts the inbox off. Tests sharing a server may wait on the
 * inbox at the same time; each {@link #awaitPayment} takes only its own operation's event.
 */
public final class WebhookInbox {

    private final WebhookReceiver receiver;
    private final WebhookVerifier verifier;

    /** Whoever holds it takes the next request off the receiver; fair, so that waiters take turns looking. */
    private final ReentrantLock pulling = new ReentrantLock(true);

    /** Verified events no test has taken yet, in arrival order; guarded by itself. */
    private final List<PaymentEvent> unclaimed = new ArrayList<>();

    private WebhookInbox(WebhookReceiver receiver, WebhookVerifier verifier) {
        this.receiver = receiver;
        this.verifier = verifier;
    }

    /**
     * An inbox registered with {@code client} (the demo key) under {@code clientId}, verifying with {@code verifier};
     * the test events the registration sends are dropped.
     */
    static WebhookInbox register(TochkaClient client, String clientId, WebhookVerifier verifier) {
        WebhookReceiver receiver = WebhookReceiver.start();
        try {
            client.webhooks().create(clientId, receiver.url(), List.of(WebhookType.acquiringInternetPayment));
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
        // The server delivered its test events before it answered the registration: they are all here to drop.
        receiver.clear();
        return new WebhookInbox(receiver, verifier);
    }

    /** The URL the server sends the webhooks to. */
    public String url() {
        return receiver.url();
    }

    /**
     * The next payment event no test has taken yet, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError when none arrives in time, or a webhook arrives that does not verify
     */
    public PaymentEvent next(Duration timeout) {
        return take(event -> true, timeout, "no acquiringInternetPayment webhook");
    }

    /**
     * The next event of the payment {@code operationId}, waiting up to {@code timeout} for it: {@code APPROVED} once
     * paid, {@code AUTHORIZED} once a two-stage payment is authorized.
     *
     * @throws AssertionError when none arrives in time, or a webhook arrives that does not verify
     */
    public PaymentEvent awaitPayment(String operationId, Duration timeout) {
        Objects.requireNonNull(operationId, "operationId");
        return take(
                event -> event.operationId().equals(operationId),
                timeout,
                "no acquiringInternetPayment webhook for operation " + operationId);
    }

    private PaymentEvent take(Predicate<PaymentEvent> wanted, Duration timeout, String missing) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // Looked at before queueing to pull too: another waiter may have pulled this one's event already.
            PaymentEvent found = claim(wanted);
            if (found != null) return found;
            if (!lock(deadline - System.nanoTime())) throw new AssertionError(missing + " within " + timeout);
            try {
                found = claim(wanted);
                if (found != null) return found;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError(missing + " within " + timeout);
                WebhookReceiver.Received received;
                try {
                    received = receiver.next(Duration.ofNanos(left));
                } catch (AssertionError nothingCame) {
                    throw new AssertionError(missing + " within " + timeout, nothingCame);
                }
                WebhookEvent event = verify(received.body());
                if (event instanceof PaymentEvent payment) {
                    synchronized (unclaimed) {
                        unclaimed.add(payment);
                    }
                }
            } finally {
                // Each pulled request lets the waiters in line look for theirs.
                pulling.unlock();
            }
        }
    }

    /** Takes the first unclaimed event that {@code wanted} accepts, or null. */
    private @Nullable PaymentEvent claim(Predicate<PaymentEvent> wanted) {
        synchronized (unclaimed) {
            for (Iterator<PaymentEvent> events = unclaimed.iterator(); events.hasNext(); ) {
                PaymentEvent event = events.next();
                if (wanted.test(event)) {
                    events.remove();
                    return event;
                }
            }
            return null;
        }
    }

    private boolean lock(long nanos) {
        try {
            return pulling.tryLock(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a webhook", e);
        }
    }

    private WebhookEvent verify(String body) {
        try {
            return verifier.verify(body);
        } catch (WebhookVerificationException e) {
            throw new AssertionError(
                    "a webhook arrived that does not verify with the server's key: " + e.getMessage(), e);
        }
    }

    /** Stops the receiver; the server's further deliveries fail. */
    void close() {
        receiver.close();
    }
}
