package tochka.acquiring.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;

/**
 * Delivers the outbox. A loop wakes when an event is written or an attempt ends (and every {@link #POLL} in any
 * case, for retries and for events written by other nodes), claims due events with a lease, and sends each
 * asynchronously: no thread waits on a receiver.
 *
 * <p>Fair to every receiver: a healthy one gets up to {@link #PER_RECEIVER} attempts at a time (one shop takes 200
 * approvals a second, more than one connection delivers when each attempt also waits for its record to be durable),
 * a struggling one (its last attempt failed) one at a time, so a slow receiver holds up only its own events; the
 * events of one payment to one receiver go one at a time, in order of creation. At most {@link #IN_FLIGHT} attempts
 * run at once, and struggling receivers (or events being retried) share at most {@link #STRUGGLING_SHARE} of them,
 * so however many receivers trickle or hang, a healthy one finds a free slot at once. The events of receivers with
 * no free attempt are left out of the query, so no backlog fills the batch. The events started together are
 * claimed in one transaction.
 *
 * <p>A claim outlives a crashed node by at most the lease; then any node takes the event again.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final int IN_FLIGHT = 256;
    static final int PER_RECEIVER = 8;
    static final int STRUGGLING_SHARE = IN_FLIGHT / 2;
    private static final int BATCH = 200;
    private static final Duration BACKLOG_AGE = Duration.ofMillis(100);

    private final Transactions db;
    private final WebhookSigner signer;
    private final ServerClock clock;
    private final WebhookPolicy policy;
    private final Delivery delivery;
    private final Duration lease;
    private final ExecutorService bookkeeping;
    private final ExecutorService signing;
    /** Attempts in flight per receiver (client_id); a receiver is absent when it has none. */
    private final Map<String, Integer> receiverAttempts = new ConcurrentHashMap<>();
    /** The payments with an attempt in flight, per receiver: {@code clientId + " " + operationId}. */
    private final Set<String> busyPayments = ConcurrentHashMap.newKeySet();

    private final Set<String> strugglingReceivers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger strugglingInFlight = new AtomicInteger();
    private final Object wakeUp = new Object();
    private final Thread loop;
    private boolean nudged;
    /** Whether an event was written since the due events were last read. */
    private boolean newEvents;
    /**
     * The due events read last and not yet started, oldest first: the dispatcher's thread alone uses it. Each ended
     * attempt frees a slot; reading the due events again for each (a sort of every pending event) made a backlog
     * slower to deliver the longer it grew.
     */
    private final Deque<WebhookEvent> backlog = new ArrayDeque<>();

    private long backlogReadAt;
    private volatile boolean running = true;

    public Dispatcher(
            Transactions db, ServerClock clock, WebhookPolicy policy, WebhookTargets targets, WebhookSigner signer) {
        this.db = db;
        this.signer = signer;
        this.clock = clock;
        this.policy = policy;
        this.delivery = new Delivery(policy.timeout(), targets);
        // Long enough for one attempt and its bookkeeping; short, because a node killed mid-attempt leaves its
        // claim behind, and its event waits this long for another node (or the restarted one).
        this.lease = policy.timeout().multipliedBy(2).plusSeconds(5);
        // Recording an outcome is a short write that waits for its commit; it runs here rather than on the HTTP
        // client's threads, on enough threads that waiting records do not hold up each other's commits.
        this.bookkeeping = Executors.newFixedThreadPool(16, daemon("webhook-bookkeeping"));
        // Signing is CPU alone (an RSA-3072 signature, some milliseconds): one thread per core.
        this.signing =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemon("webhook-signing"));
        this.loop = new Thread(this::run, "webhook-dispatcher");
        this.loop.setDaemon(true);
    }

    /**
     * Starts delivering. {@code soleNode} (SQLite: one server process per database) first takes back the claims a
     * killed predecessor left, so its webhooks go out at once instead of after the lease.
     */
    public void start(boolean soleNode) {
        if (soleNode) {
            int released = db.inTransaction(handle -> new WebhookStore(handle).releaseClaims());
            if (released > 0) log.info("took back {} webhook deliveries left claimed by a previous run", released);
        }
        loop.start();
    }

    /** Looks for due events now rather than at the next poll: an event was written. */
    public void nudge() {
        synchronized (wakeUp) {
            nudged = true;
            newEvents = true;
            wakeUp.notifyAll();
        }
    }

    /** An attempt ended: its slot is free for the backlog, which need not be read again for it. */
    private void attemptEnded() {
        synchronized (wakeUp) {
            nudged = true;
            wakeUp.notifyAll();
        }
    }

    private boolean takeNewEvents() {
        synchronized (wakeUp) {
            boolean written = newEvents;
            newEvents = false;
            return written;
        }
    }

    private void run() {
        while (running) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.warn("webhook dispatch failed; retrying in {} ms", POLL.toMillis(), e);
            }
            synchronized (wakeUp) {
                if (!nudged && running) {
                    try {
                        wakeUp.wait(POLL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                nudged = false;
            }
        }
    }

    /**
     * Starts attempts until nothing more is due or every slot is taken. The due events are read again when the
     * backlog is used up, when an event was written (a new receiver's must not wait behind another's backlog), when
     * it is older than {@link #BACKLOG_AGE} (retries falling due), or when nothing in it can start.
     */
    private void dispatchDue() {
        while (running && inFlight.get() < IN_FLIGHT) {
            Instant now = clock.instant();
            // The lease runs on the machine's clock: a test-control advance must not make attempts in flight look
            // abandoned to the other nodes.
            Instant realNow = clock.realInstant();
            boolean fresh =
                    takeNewEvents() || backlog.isEmpty() || System.nanoTime() - backlogReadAt > BACKLOG_AGE.toNanos();
            if (fresh) {
                List<WebhookEvent> due =
                        db.withHandle(handle -> new WebhookStore(handle).due(now, realNow, BATCH, fullReceivers()));
                backlog.clear();
                backlog.addAll(due);
                backlogReadAt = System.nanoTime();
            }
            List<Attempt> chosen = choose();
            if (chosen.isEmpty()) {
                if (fresh) return;
                backlog.clear(); // nothing in it can start now: read again once
                continue;
            }
            Set<String> claimed = Set.of();
            try {
                claimed = db.inTransaction(handle -> {
                    WebhookStore store = new WebhookStore(handle);
                    Set<String> ids = new HashSet<>();
                    for (Attempt attempt : chosen) {
                        String id = attempt.event().eventId();
                        if (store.claim(id, now, realNow, realNow.plus(lease))) ids.add(id);
                    }
                    return ids;
                });
            } finally {
                // A failed claim (the database away for a moment) must not leave its receiver marked busy.
                for (Attempt attempt : chosen) {
                    if (!claimed.contains(attempt.event().eventId())) release(attempt);
                }
            }
            for (Attempt attempt : chosen) {
                if (claimed.contains(attempt.event().eventId())) send(attempt);
            }
        }
    }

    /** Takes from the backlog the events that can start now, each with a slot reserved. */
    private List<Attempt> choose() {
        List<Attempt> chosen = new ArrayList<>();
        for (Iterator<WebhookEvent> events = backlog.iterator(); events.hasNext(); ) {
            if (inFlight.get() >= IN_FLIGHT) break;
            WebhookEvent event = events.next();
            boolean struggling = event.attempts() > 0 || strugglingReceivers.contains(event.clientId());
            if (struggling && strugglingInFlight.get() >= STRUGGLING_SHARE) continue;
            Attempt attempt = new Attempt(event, struggling);
            if (reserve(attempt)) {
                chosen.add(attempt);
                events.remove();
            }
        }
        return chosen;
    }

    /** One attempt to deliver an event, and whether its receiver (or the event) counts as struggling. */
    private record Attempt(WebhookEvent event, boolean struggling) {
        String payment() {
            return event.clientId() + " " + event.operationId();
        }
    }

    /** Receivers with no attempt to spare: their events are left out of the next query. */
    private List<String> fullReceivers() {
        List<String> full = new ArrayList<>();
        receiverAttempts.forEach((clientId, attempts) -> {
            if (attempts >= limitOf(clientId)) full.add(clientId);
        });
        return full;
    }

    private int limitOf(String clientId) {
        return strugglingReceivers.contains(clientId) ? 1 : PER_RECEIVER;
    }

    /** Takes a slot of the attempt's receiver and its payment, if both are free; false leaves everything as it was. */
    private boolean reserve(Attempt attempt) {
        String clientId = attempt.event().clientId();
        int limit = attempt.struggling() ? 1 : limitOf(clientId);
        boolean[] taken = {false};
        receiverAttempts.compute(clientId, (id, attempts) -> {
            int now = attempts == null ? 0 : attempts;
            if (now >= limit) return attempts;
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) return false;
        if (attempt.event().operationId() != null && !busyPayments.add(attempt.payment())) {
            receiverAttempts.computeIfPresent(clientId, (id, attempts) -> attempts > 1 ? attempts - 1 : null);
            return false;
        }
        inFlight.incrementAndGet();
        if (attempt.struggling()) strugglingInFlight.incrementAndGet();
        return true;
    }

    private void release(Attempt attempt) {
        releaseReceiver(attempt);
        releaseSlot(attempt);
    }

    /** The receiver's slot (and its payment's): free once the receiver has answered. */
    private void releaseReceiver(Attempt attempt) {
        if (attempt.event().operationId() != null) busyPayments.remove(attempt.payment());
        receiverAttempts.computeIfPresent(
                attempt.event().clientId(), (id, attempts) -> attempts > 1 ? attempts - 1 : null);
    }

    /** The attempt's share of {@link #IN_FLIGHT}: free once its outcome is recorded. */
    private void releaseSlot(Attempt attempt) {
        if (attempt.struggling()) strugglingInFlight.decrementAndGet();
        inFlight.decrementAndGet();
    }

    /**
     * Signs the event if it is not yet (here, off the database's writer), sends it, and records the outcome. The
     * receiver's slot is free as soon as it has answered, not after the record's commit: it is the receiver that
     * the slot spares; the claim keeps anyone from sending the event again meanwhile.
     */
    private void send(Attempt attempt) {
        WebhookEvent event = attempt.event();
        CompletableFuture.supplyAsync(
                        () -> event.unsigned()
                                ? signer.signPayload(
                                        Objects.requireNonNull(event.payload(), "an unsigned event's payload"))
                                : event.token(),
                        signing)
                .thenCompose(token -> delivery.post(event.url(), token).thenApply(result -> new Sent(token, result)))
                .whenComplete((sent, error) -> {
                    // Stopping aborts the attempts in flight: not the receiver's failure.
                    if (sent != null && running) {
                        if (sent.result().delivered()) strugglingReceivers.remove(event.clientId());
                        else strugglingReceivers.add(event.clientId());
                    }
                    releaseReceiver(attempt);
                    attemptEnded();
                })
                .whenCompleteAsync(
                        (sent, error) -> {
                            try {
                                if (sent != null) record(event, sent.token(), sent.result());
                                else log.warn("webhook {} was not sent; its claim runs out", event.eventId(), error);
                            } finally {
                                releaseSlot(attempt);
                                attemptEnded();
                            }
                        },
                        bookkeeping);
    }

    /** An attempt made: the token it sent and how the receiver answered. */
    private record Sent(String token, Delivery.Result result) {}

    private void record(WebhookEvent event, String token, Delivery.Result result) {
        // Stopping aborts the attempts in flight: not the receiver's failure. Their claims run out (or a sole node's
        // next start takes them back) and they are attempted again.
        if (!running) return;
        Instant at = clock.instant();
        Instant next = at.plus(policy.delayAfter(event.attempts() + 1));
        try {
            db.useTransaction(handle -> new WebhookStore(handle)
                    .recordAttempt(
                            event, token, at, result.statusCode(), result.latencyMillis(), result.error(), next));
        } catch (RuntimeException e) {
            // The claim runs out and the event is attempted again: delivered at least once, never lost.
            log.warn("could not record webhook {} attempt {}", event.eventId(), event.attempts() + 1, e);
            return;
        }
        if (!result.delivered()) {
            log.info(
                    "webhook {} to {} attempt {} failed: {}",
                    event.eventId(),
                    event.url(),
                    event.attempts() + 1,
                    result.error());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    Delivery delivery() {
        return delivery;
    }

    /** Where short database work after an attempt runs: off the HTTP client's threads and off Jetty's. */
    Executor bookkeeping() {
        return bookkeeping;
    }

    @Override
    public void close() {
        running = false;
        nudge();
        loop.interrupt();
        delivery.close();
        signing.shutdown();
        bookkeeping.shutdown();
        try {
            bookkeeping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
