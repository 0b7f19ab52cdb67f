package tochka.acquiring.server.webhooks;

import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookClaims;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.ServerClock;

/**
 * Writes webhook events into the outbox of the caller's transaction: if the transaction rolls back, no event exists;
 * if it commits, the dispatcher will deliver it, across restarts, until a 200 or the attempts run out. An event is
 * written with its claims, and the dispatcher signs it when it first sends it: an RSA signature takes milliseconds,
 * which inside the caller's transaction held the one writer of the database (group commit) for everyone.
 */
public final class Outbox {

    private final WebhookSigner signer;
    private final WebhookPolicy policy;
    private final ServerClock clock;

    public Outbox(WebhookSigner signer, WebhookPolicy policy, ServerClock clock) {
        this.signer = signer;
        this.policy = policy;
        this.clock = clock;
    }

    /** One event of {@code type} for every subscriber of it among those acting for {@code customerCode}. */
    public void publish(
            Handle handle, String customerCode, WebhookType type, @Nullable String operationId, Object claims) {
        WebhookStore store = new WebhookStore(handle);
        var subscribers = store.subscribers(customerCode, type, clock.instant());
        if (subscribers.isEmpty()) return;
        String payload = WebhookClaims.write(claims);
        for (WebhookSubscription subscriber : subscribers) enqueue(store, subscriber, type, operationId, payload);
    }

    /** One event to one subscriber (a test_send, or a fan-out of {@link #publish}). */
    void enqueue(
            WebhookStore store,
            WebhookSubscription subscriber,
            WebhookType type,
            @Nullable String operationId,
            String payload) {
        var now = clock.instant();
        store.insert(new WebhookEvent(
                Ids.uuid(),
                subscriber.clientId(),
                subscriber.url(),
                type,
                operationId,
                "",
                payload,
                now,
                WebhookEvent.Status.PENDING,
                0,
                policy.attempts(),
                now,
                null,
                null,
                null,
                null,
                null));
    }

    WebhookSigner signer() {
        return signer;
    }
}
