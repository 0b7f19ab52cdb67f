package tochka.acquiring.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p>Fair to every receiver: each gets one attempt at a time, so a slow one holds up only its own events; at most
 * {@link #IN_FLIGHT} attempts run at once, and receivers whose last attempt failed (or events being retried) share
 * at most {@link #STRUGGLING_SHARE} of them, so however many receivers trickle or hang, a healthy one finds a free
 * slot at once. Busy receivers' events are left out of the query, so no backlog fills the batch.
 *
 * <p>A claim outlives a crashed node by at most the lease; then any node takes the event again.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final int IN_FLIGHT = 256;
    static final int STRUGGLING_SHARE = IN_FLIGHT / 2;
    private static final int BATCH = 200;

    private final Transactions db;
    private final ServerClock clock;
    private final WebhookPolicy policy;
    private final Delivery delivery;
    private final Duration lease;
    private final ExecutorService bookkeeping;
    private final Set<String> busyReceivers = ConcurrentHashMap.newKeySet();
    private final Set<String> strugglingReceivers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger strugglingInFlight = new AtomicInteger();
    private final Object wakeUp = new Object();
    private final Thread loop;
    private boolean nudged;
    private volatile boolean running = true;

    public Dispatcher(Transactions db, ServerClock clock, WebhookPolicy policy, WebhookTargets targets) {
        this.db = db;
        this.clock = clock;
        this.policy = policy;
        this.delivery = new Delivery(policy.timeout(), targets);
        // Long enough for one attempt and its bookkeeping; short, because a node killed mid-attempt leaves its
        // claim behind, and its event waits this long for another node (or the restarted one).
        this.lease = policy.timeout().multipliedBy(2).plusSeconds(5);
        // Recording an outcome is a short write; it runs here rather than on the HTTP client's threads.
        this.bookkeeping = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-bookkeeping");
            thread.setDaemon(true);
            return thread;
        });
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

    /** Looks for due events now rather than at the next poll. */
    public void nudge() {
        synchronized (wakeUp) {
            nudged = true;
            wakeUp.notifyAll();
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

    /** Starts attempts until nothing more is due or every slot is taken; each pass skips the busy receivers. */
    private void dispatchDue() {
        boolean started = true;
        while (started && running && inFlight.get() < IN_FLIGHT) {
            started = false;
            Instant now = clock.instant();
            // The lease runs on the machine's clock: a test-control advance must not make attempts in flight look
            // abandoned to the other nodes.
            Instant realNow = clock.realInstant();
            List<WebhookEvent> due = db.withHandle(
                    handle -> new WebhookStore(handle).due(now, realNow, BATCH, List.copyOf(busyReceivers)));
            for (WebhookEvent event : due) {
                if (inFlight.get() >= IN_FLIGHT) return;
                boolean struggling = event.attempts() > 0 || strugglingReceivers.contains(event.clientId());
                if (struggling && strugglingInFlight.get() >= STRUGGLING_SHARE) continue;
                if (!busyReceivers.add(event.clientId())) continue;
                boolean claimed = false;
                try {
                    claimed = db.inTransaction(handle ->
                            new WebhookStore(handle).claim(event.eventId(), now, realNow, realNow.plus(lease)));
                } finally {
                    // A failed claim (the database away for a moment) must not leave the receiver marked busy.
                    if (!claimed) busyReceivers.remove(event.clientId());
                }
                if (!claimed) continue;
                inFlight.incrementAndGet();
                if (struggling) strugglingInFlight.incrementAndGet();
                started = true;
                delivery.post(event.url(), event.token())
                        .thenAcceptAsync(
                                result -> {
                                    try {
                                        record(event, result);
                                    } finally {
                                        if (struggling) strugglingInFlight.decrementAndGet();
                                        inFlight.decrementAndGet();
                                        busyReceivers.remove(event.clientId());
                                        nudge();
                                    }
                                },
                                bookkeeping);
            }
        }
    }

    private void record(WebhookEvent event, Delivery.Result result) {
        // Stopping aborts the attempts in flight: not the receiver's failure. Their claims run out (or a sole node's
        // next start takes them back) and they are attempted again.
        if (!running) return;
        if (result.delivered()) strugglingReceivers.remove(event.clientId());
        else strugglingReceivers.add(event.clientId());
        Instant at = clock.instant();
        Instant next = at.plus(policy.delayAfter(event.attempts() + 1));
        try {
            db.useTransaction(handle -> new WebhookStore(handle)
                    .recordAttempt(event, at, result.statusCode(), result.latencyMillis(), result.error(), next));
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
        bookkeeping.shutdown();
        try {
            bookkeeping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
