package tochka.acquiring.server.webhooks;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.api.WebhookClaims;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;

/**
 * An application's webhook, managed as the bank manages it: one URL per client_id; on create and on edit one test
 * webhook per subscribed type is sent at once, and the configuration is kept only if every one is answered 200.
 * Also the delivery log and manual resend (our extension, for the console).
 */
public final class Webhooks {

    /** How many saves may be testing their URL at once, on this node; each holds no thread while it waits. */
    static final int TESTS_IN_FLIGHT = 64;

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final Transactions db;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final WebhookPolicy policy;
    private final ServerClock clock;
    private final Semaphore testSlots = new Semaphore(TESTS_IN_FLIGHT);
    private final Set<String> saving = ConcurrentHashMap.newKeySet();

    public Webhooks(Transactions db, Outbox outbox, Dispatcher dispatcher, WebhookPolicy policy, ServerClock clock) {
        this.db = db;
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
        return db.withHandle(handle -> new WebhookStore(handle).subscription(clientId))
                .orElseThrow(() -> noWebhook(clientId));
    }

    /**
     * Creates ({@code replace} false) or edits the client's webhook after a successful test of every type. The URL
     * and the request are checked at once (a {@link Rejected} is thrown here); the tests run asynchronously, one
     * type after another, and the future fails with a {@link Rejected} when one is not answered 200 or the webhook
     * was created meanwhile. At most {@link #TESTS_IN_FLIGHT} saves test at once; beyond that, and while another
     * request saves the same client's webhook, the answer is a 400 at once.
     *
     * <p>The caller learns only that a test was not accepted, never what answered (a status, a refused connection,
     * a TLS name): that would let a key holder map the network around the server. The detail goes to the log.
     *
     * @param customerCode the company the test webhooks speak of
     * @throws Rejected (400) for a bad URL or list, a second create, too many tests; (404) editing nothing
     */
    public CompletableFuture<WebhookSubscription> save(
            String clientId, String customerCode, List<WebhookType> types, String url, boolean replace) {
        var existing = db.withHandle(handle -> new WebhookStore(handle).subscription(clientId));
        if (!replace && existing.isPresent()) throw alreadyExists(clientId);
        if (replace && existing.isEmpty()) throw noWebhook(clientId);
        if (types.isEmpty()) throw Rejected.invalid("webhooksList: must contain at least 1 item");
        Delivery delivery = dispatcher.delivery();
        delivery.targets().problem(url).ifPresent(problem -> {
            throw Rejected.invalid(problem);
        });
        List<WebhookType> distinct = List.copyOf(new LinkedHashSet<>(types));
        List<String> tokens = distinct.stream()
                .map(type -> outbox.signer().sign(TestPayloads.of(type, customerCode)))
                .toList();
        if (!saving.add(clientId)) {
            throw replace
                    ? Rejected.invalid("the webhook of client_id " + clientId + " is being changed by another request;"
                            + " try again when it is done")
                    : alreadyExists(clientId);
        }
        if (!testSlots.tryAcquire()) {
            saving.remove(clientId);
            throw Rejected.invalid(
                    "url: too many webhook tests are running on this server; try again in a few" + " seconds");
        }
        CompletableFuture<Void> tested = CompletableFuture.completedFuture(null);
        for (int i = 0; i < distinct.size(); i++) {
            WebhookType type = distinct.get(i);
            String token = tokens.get(i);
            tested = tested.thenCompose(previous -> delivery.post(url, token)).thenAccept(result -> {
                if (result.delivered()) return;
                log.info(
                        "test {} webhook of client_id {} to {} not accepted: {}",
                        type.name(),
                        clientId,
                        url,
                        result.error());
                throw Rejected.invalid("url: the test " + type.name() + " webhook to " + url + " was not accepted;"
                        + " the webhook is kept only when every test is answered 200 within "
                        + policy.timeout().toSeconds() + " s");
            });
        }
        return tested.thenApplyAsync(
                        done -> store(clientId, url, distinct, existing, replace), dispatcher.bookkeeping())
                .whenComplete((subscription, error) -> {
                    testSlots.release();
                    saving.remove(clientId);
                });
    }

    private WebhookSubscription store(
            String clientId,
            String url,
            List<WebhookType> types,
            Optional<WebhookSubscription> existing,
            boolean replace) {
        var now = clock.instant();
        var subscription = new WebhookSubscription(
                clientId,
                url,
                types,
                existing.map(WebhookSubscription::createdAt).orElse(now),
                now);
        boolean stored = db.inTransaction(handle -> replace
                ? new WebhookStore(handle).update(subscription)
                : new WebhookStore(handle).create(subscription));
        if (!stored) throw replace ? noWebhook(clientId) : alreadyExists(clientId);
        return subscription;
    }

    /**
     * Removes the client's webhook; events already queued are still delivered.
     *
     * @throws Rejected (404) when the client has no webhook
     */
    public void delete(String clientId) {
        if (!db.inTransaction(handle -> new WebhookStore(handle).delete(clientId))) throw noWebhook(clientId);
    }

    /** Queues a test webhook of {@code type} through the outbox, so it is delivered and logged like any other. */
    public void testSend(String clientId, String customerCode, WebhookType type) {
        WebhookSubscription subscription = get(clientId);
        if (!subscription.types().contains(type)) {
            throw Rejected.invalid(
                    "webhookType: " + type.name() + " is not among the webhook's webhooksList " + subscription.types());
        }
        db.useTransaction(handle -> outbox.enqueue(
                new WebhookStore(handle),
                subscription,
                type,
                null,
                WebhookClaims.write(TestPayloads.of(type, customerCode))));
        dispatcher.nudge();
    }

    /** The delivery log, newest first. */
    public List<WebhookEvent> log(@Nullable String clientId, WebhookEvent.@Nullable Status status, int limit) {
        return db.withHandle(handle -> new WebhookStore(handle).log(clientId, status, limit));
    }

    /** Every subscription, by client_id: for the console, which shows each user those of their keys. */
    public List<WebhookSubscription> subscriptions() {
        return db.withHandle(handle -> new WebhookStore(handle).subscriptions());
    }

    /**
     * A page of the delivery log, newest first: of {@code clientIds} (null: of every client), of one status or all.
     */
    public List<WebhookEvent> page(
            @Nullable Collection<String> clientIds, WebhookEvent.@Nullable Status status, int limit, int offset) {
        return db.withHandle(handle -> new WebhookStore(handle).page(clientIds, status, limit, offset));
    }

    /** An event of the delivery log, whatever became of it. */
    public Optional<WebhookEvent> event(String eventId) {
        return db.withHandle(handle -> new WebhookStore(handle).event(eventId));
    }

    /** Every attempt to deliver the event, first first. */
    public List<WebhookAttempt> attempts(String eventId) {
        return db.withHandle(handle -> new WebhookStore(handle).attempts(eventId));
    }

    /**
     * The webhooks of one payment (its {@code operationId}), to every receiver, newest first: for the payment's page,
     * which shows the reader only those of the client_ids they may see.
     */
    public List<WebhookEvent> deliveriesOf(String operationId) {
        return db.withHandle(handle -> new WebhookStore(handle).ofOperation(operationId));
    }

    /** Delivers an event again, with a fresh budget of attempts. */
    public void resend(String eventId) {
        boolean found = db.inTransaction(
                handle -> new WebhookStore(handle).resend(eventId, clock.instant(), policy.attempts()));
        if (!found) throw Rejected.notFound("webhook event " + eventId + " not found");
        dispatcher.nudge();
    }

    private static Rejected alreadyExists(String clientId) {
        return Rejected.invalid("a webhook already exists for client_id " + clientId
                + " (one URL per client_id); change it with POST /webhook/v1.0/" + clientId);
    }

    private static Rejected noWebhook(String clientId) {
        return Rejected.notFound("no webhook for client_id " + clientId);
    }
}
