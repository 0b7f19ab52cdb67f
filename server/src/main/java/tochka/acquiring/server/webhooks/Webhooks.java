package tochka.acquiring.server.webhooks;

import java.util.LinkedHashSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.server.domain.WebhookEvent;
import tochka.acquiring.server.domain.WebhookSubscription;
import tochka.acquiring.server.service.Rejected;
import tochka.acquiring.server.service.ServerClock;
import tochka.acquiring.server.store.WebhookStore;

/**
 * An application's webhook, managed as the bank manages it: one URL per client_id; on create and on edit one test
 * webhook per subscribed type is sent at once, and the configuration is kept only if every one is answered 200.
 * Also the delivery log and manual resend (our extension, for the console).
 */
public final class Webhooks {

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final WebhookPolicy policy;
    private final ServerClock clock;

    public Webhooks(Jdbi jdbi, Outbox outbox, Dispatcher dispatcher, WebhookPolicy policy, ServerClock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The client's webhook.
     *
     * @throws Rejected (404) when the client has no webhook
     */
    public WebhookSubscription get(String clientId) {
        return jdbi.withHandle(handle -> new WebhookStore(handle).subscription(clientId))
                .orElseThrow(() -> noWebhook(clientId));
    }

    /**
     * Creates ({@code replace} false) or edits the client's webhook after a successful test of every type.
     *
     * @param customerCode the company the test webhooks speak of
     * @throws Rejected (400) for a bad URL or list, a failed test, a second create; (404) editing nothing
     */
    public WebhookSubscription save(String clientId, String customerCode, List<WebhookType> types, String url,
            boolean replace) {
        var existing = jdbi.withHandle(handle -> new WebhookStore(handle).subscription(clientId));
        if (!replace && existing.isPresent()) {
            throw Rejected.invalid("a webhook already exists for client_id " + clientId
                    + " (one URL per client_id); change it with POST /webhook/v1.0/" + clientId);
        }
        if (replace && existing.isEmpty()) throw noWebhook(clientId);
        if (types.isEmpty()) throw Rejected.invalid("webhooksList: must contain at least 1 item");
        WebhookUrls.problem(url, policy.allowAnyUrl()).ifPresent(problem -> {
            throw Rejected.invalid(problem);
        });
        List<WebhookType> distinct = List.copyOf(new LinkedHashSet<>(types));
        for (WebhookType type : distinct) {
            String token = outbox.signer().sign(TestPayloads.of(type, customerCode));
            Delivery.Result result = dispatcher.delivery().post(url, token);
            if (!result.delivered()) {
                throw Rejected.invalid("url: the test " + type.name() + " webhook to " + url + " failed ("
                        + result.error() + "); the webhook is kept only when every test is answered 200");
            }
        }
        var now = clock.instant();
        var subscription = new WebhookSubscription(clientId, url, distinct,
                existing.map(WebhookSubscription::createdAt).orElse(now), now);
        jdbi.useTransaction(handle -> new WebhookStore(handle).save(subscription));
        return subscription;
    }

    /**
     * Removes the client's webhook; events already queued are still delivered.
     *
     * @throws Rejected (404) when the client has no webhook
     */
    public void delete(String clientId) {
        if (!jdbi.inTransaction(handle -> new WebhookStore(handle).delete(clientId))) throw noWebhook(clientId);
    }

    /** Queues a test webhook of {@code type} through the outbox, so it is delivered and logged like any other. */
    public void testSend(String clientId, String customerCode, WebhookType type) {
        WebhookSubscription subscription = get(clientId);
        if (!subscription.types().contains(type)) {
            throw Rejected.invalid("webhookType: " + type.name() + " is not among the webhook's webhooksList "
                    + subscription.types());
        }
        jdbi.useTransaction(handle -> outbox.enqueue(new WebhookStore(handle), subscription, type, null,
                outbox.signer().sign(TestPayloads.of(type, customerCode))));
        dispatcher.nudge();
    }

    /** The delivery log, newest first. */
    public List<WebhookEvent> log(@Nullable String clientId, WebhookEvent.@Nullable Status status, int limit) {
        return jdbi.withHandle(handle -> new WebhookStore(handle).log(clientId, status, limit));
    }

    /** Delivers an event again, with a fresh budget of attempts. */
    public void resend(String eventId) {
        boolean found = jdbi.inTransaction(handle ->
                new WebhookStore(handle).resend(eventId, clock.instant(), policy.attempts()));
        if (!found) throw Rejected.notFound("webhook event " + eventId + " not found");
        dispatcher.nudge();
    }

    private static Rejected noWebhook(String clientId) {
        return Rejected.notFound("no webhook for client_id " + clientId);
    }
}
