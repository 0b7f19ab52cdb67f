package tochka.acquiring.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.domain.WebhookEvent;
import tochka.acquiring.server.service.ServerClock;
import tochka.acquiring.server.store.WebhookStore;

/**
 * Delivers the outbox. A loop wakes when an event is written (and every {@link #POLL} in any case, for retries and
 * for events written by other nodes), claims due events with a lease, and hands each to a worker pool. Receivers get
 * one delivery at a time each, in parallel with each other, so a slow or dead receiver holds up only its own
 * events. A claim outlives a crashed node by at most the lease; then any node takes the event again.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int WORKERS = 16;
    private static final int BATCH = 200;

    private final Jdbi jdbi;
    private final ServerClock clock;
    private final WebhookPolicy policy;
    private final Delivery delivery;
    private final Duration lease;
    private final ExecutorService workers;
    private final Set<String> busyReceivers = ConcurrentHashMap.newKeySet();
    private final Object wakeUp = new Object();
    private final Thread loop;
    private boolean nudged;
    private volatile boolean running = true;

    public Dispatcher(Jdbi jdbi, ServerClock clock, WebhookPolicy policy) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.policy = policy;
        this.delivery = new Delivery(policy.timeout());
        // Long enough for one attempt and its bookkeeping; short, because a node killed mid-attempt leaves its
        // claim behind, and its event waits this long for another node (or the restarted one).
        this.lease = policy.timeout().multipliedBy(2).plusSeconds(5);
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
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
            int released = jdbi.inTransaction(handle -> new WebhookStore(handle).releaseClaims());
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

    private void dispatchDue() {
        Instant now = clock.instant();
        for (WebhookEvent event : jdbi.withHandle(handle -> new WebhookStore(handle).due(now, BATCH))) {
            if (!busyReceivers.add(event.clientId())) continue;
            boolean claimed = jdbi.inTransaction(handle ->
                    new WebhookStore(handle).claim(event.eventId(), now, now.plus(lease)));
            if (!claimed) {
                busyReceivers.remove(event.clientId());
                continue;
            }
            workers.execute(() -> {
                try {
                    deliver(event);
                } finally {
                    busyReceivers.remove(event.clientId());
                    nudge();
                }
            });
        }
    }

    private void deliver(WebhookEvent event) {
        Delivery.Result result = delivery.post(event.url(), event.token());
        Instant at = clock.instant();
        Instant next = at.plus(policy.delayAfter(event.attempts() + 1));
        jdbi.useTransaction(handle -> new WebhookStore(handle).recordAttempt(event, at, result.statusCode(),
                result.latencyMillis(), result.error(), next));
        if (!result.delivered()) {
            log.info("webhook {} to {} attempt {} failed: {}", event.eventId(), event.url(), event.attempts() + 1,
                    result.error());
        }
    }

    Delivery delivery() {
        return delivery;
    }

    @Override
    public void close() {
        running = false;
        nudge();
        loop.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
