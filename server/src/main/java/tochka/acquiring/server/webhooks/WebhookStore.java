package tochka.acquiring.server.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.server.core.Columns;

/** Webhook subscriptions, the outbox of events, and the log of delivery attempts. */
final class WebhookStore {

    /** The client id under which the sandbox token manages its webhook; it receives the sandbox companies' events. */
    public static final String SANDBOX_CLIENT = "sandbox";

    private static final RowViewMapper<WebhookSubscription> SUBSCRIPTION = row -> new WebhookSubscription(
            row.getColumn("client_id", String.class),
            row.getColumn("url", String.class),
            Columns.split(row.getColumn("webhook_types", String.class), WebhookType::valueOf),
            row.getColumn("created_at", Instant.class),
            row.getColumn("updated_at", Instant.class));

    private static final RowViewMapper<WebhookEvent> EVENT = row -> new WebhookEvent(
            row.getColumn("event_id", String.class),
            row.getColumn("client_id", String.class),
            row.getColumn("url", String.class),
            row.getColumn("webhook_type", WebhookType.class),
            row.getColumn("operation_id", String.class),
            row.getColumn("token", String.class),
            row.getColumn("payload", String.class),
            row.getColumn("created_at", Instant.class),
            row.getColumn("status", WebhookEvent.Status.class),
            row.getColumn("attempts", Integer.class),
            row.getColumn("give_up_after", Integer.class),
            row.getColumn("next_attempt_at", Instant.class),
            row.getColumn("last_attempt_at", Instant.class),
            row.getColumn("last_status_code", Integer.class),
            row.getColumn("last_latency_ms", Long.class),
            row.getColumn("last_error", String.class),
            row.getColumn("delivered_at", Instant.class));

    private static final RowViewMapper<WebhookAttempt> ATTEMPT = row -> new WebhookAttempt(
            row.getColumn("attempt", Integer.class),
            row.getColumn("attempted_at", Instant.class),
            row.getColumn("status_code", Integer.class),
            row.getColumn("latency_ms", Long.class),
            row.getColumn("error", String.class));

    private final Handle handle;

    WebhookStore(Handle handle) {
        this.handle = handle;
    }

    // ---- subscriptions ---------------------------------------------------------------------------------------------

    public Optional<WebhookSubscription> subscription(String clientId) {
        return handle.createQuery("SELECT * FROM webhook_subscription WHERE client_id = :clientId")
                .bind("clientId", clientId)
                .map(SUBSCRIPTION)
                .findOne();
    }

    /** Every subscription, by client_id. */
    public List<WebhookSubscription> subscriptions() {
        return handle.createQuery("SELECT * FROM webhook_subscription ORDER BY client_id")
                .map(SUBSCRIPTION)
                .list();
    }

    /**
     * Creates the client's one subscription unless it has one: false when it had (or another request, on any node,
     * created it first). The primary key decides, so of parallel creates exactly one wins.
     */
    public boolean create(WebhookSubscription subscription) {
        return handle.createUpdate("""
                        INSERT INTO webhook_subscription (client_id, url, webhook_types, created_at, updated_at)
                        VALUES (:clientId, :url, :types, :createdAt, :updatedAt)
                        ON CONFLICT (client_id) DO NOTHING
                        """)
                        .bind("clientId", subscription.clientId())
                        .bind("url", subscription.url())
                        .bind("types", Columns.join(subscription.types(), WebhookType::name))
                        .bind("createdAt", subscription.createdAt())
                        .bind("updatedAt", subscription.updatedAt())
                        .execute()
                == 1;
    }

    /** Changes the client's subscription: false when it has none (any more). */
    public boolean update(WebhookSubscription subscription) {
        return handle.createUpdate("""
                        UPDATE webhook_subscription SET url = :url, webhook_types = :types, updated_at = :updatedAt
                        WHERE client_id = :clientId
                        """)
                        .bind("clientId", subscription.clientId())
                        .bind("url", subscription.url())
                        .bind("types", Columns.join(subscription.types(), WebhookType::name))
                        .bind("updatedAt", subscription.updatedAt())
                        .execute()
                == 1;
    }

    public boolean delete(String clientId) {
        return handle.createUpdate("DELETE FROM webhook_subscription WHERE client_id = :clientId")
                        .bind("clientId", clientId)
                        .execute()
                == 1;
    }

    /**
     * The subscriptions that receive {@code type} events of {@code customerCode}: those of unrevoked, unexpired keys
     * that may act for the company when it is of the real world, and the sandbox's when it is of the sandbox. The
     * two worlds never receive each other's events.
     */
    public List<WebhookSubscription> subscribers(String customerCode, WebhookType type, Instant now) {
        return handle.createQuery("""
                        SELECT s.* FROM webhook_subscription s
                        WHERE (s.client_id <> :sandbox AND s.client_id IN (
                                SELECT k.client_id FROM api_key k
                                JOIN api_key_company c ON c.client_id = k.client_id
                                JOIN company co ON co.customer_code = c.customer_code
                                WHERE c.customer_code = :code AND co.sandbox = FALSE AND k.revoked_at IS NULL
                                    AND (k.expires_at IS NULL OR k.expires_at > :now)))
                            OR (s.client_id = :sandbox AND EXISTS (
                                SELECT 1 FROM company WHERE customer_code = :code AND sandbox = TRUE))
                        ORDER BY s.client_id
                        """)
                .bind("code", customerCode)
                .bind("now", now)
                .bind("sandbox", SANDBOX_CLIENT)
                .map(SUBSCRIPTION)
                .filter(subscription -> subscription.types().contains(type))
                .list();
    }

    // ---- the outbox ------------------------------------------------------------------------------------------------

    public void insert(WebhookEvent event) {
        handle.createUpdate("""
                        INSERT INTO webhook_event (event_id, client_id, url, webhook_type, operation_id, token,
                            payload, created_at, status, attempts, give_up_after, next_attempt_at)
                        VALUES (:eventId, :clientId, :url, :type, :operationId, :token, :payload, :createdAt,
                            'PENDING', 0, :giveUpAfter, :nextAttemptAt)
                        """)
                .bind("eventId", event.eventId())
                .bind("clientId", event.clientId())
                .bind("url", event.url())
                .bind("type", event.type().name())
                .bind("operationId", event.operationId())
                .bind("token", event.token())
                .bind("payload", event.payload())
                .bind("createdAt", event.createdAt())
                .bind("giveUpAfter", event.giveUpAfter())
                .bind("nextAttemptAt", event.nextAttemptAt())
                .execute();
    }

    public Optional<WebhookEvent> event(String eventId) {
        return handle.createQuery("SELECT * FROM webhook_event WHERE event_id = :eventId")
                .bind("eventId", eventId)
                .map(EVENT)
                .findOne();
    }

    /**
     * Pending events due at {@code now} (the server's clock, which the test control may advance) whose claim, if any,
     * lapsed by {@code realNow} (the machine's), none of {@code skipClients} (receivers busy with an attempt already),
     * so a receiver with a long backlog cannot fill the batch. First attempts come before retries: a receiver that
     * keeps failing has only retries, and a healthy one's new events pass them.
     */
    public List<WebhookEvent> due(Instant now, Instant realNow, int limit, java.util.Collection<String> skipClients) {
        var query = handle.createQuery("""
                        SELECT * FROM webhook_event
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                            AND (claimed_until IS NULL OR claimed_until <= :realNow)
                        """
                        + (skipClients.isEmpty() ? "" : "    AND client_id NOT IN (<skip>)\n")
                        + "ORDER BY CASE WHEN attempts = 0 THEN 0 ELSE 1 END, next_attempt_at, created_at LIMIT :limit")
                .bind("now", now)
                .bind("realNow", realNow)
                .bind("limit", limit);
        if (!skipClients.isEmpty()) query.bindList("skip", List.copyOf(skipClients));
        return query.map(EVENT).list();
    }

    /**
     * Takes a due event for one delivery until {@code until}, a time on the machine's clock like {@code realNow};
     * true for exactly one claimer, on any node.
     */
    public boolean claim(String eventId, Instant now, Instant realNow, Instant until) {
        return handle.createUpdate("""
                        UPDATE webhook_event SET claimed_until = :until
                        WHERE event_id = :eventId AND status = 'PENDING' AND next_attempt_at <= :now
                            AND (claimed_until IS NULL OR claimed_until <= :realNow)
                        """)
                        .bind("eventId", eventId)
                        .bind("now", now)
                        .bind("realNow", realNow)
                        .bind("until", until)
                        .execute()
                == 1;
    }

    /** Drops every claim: for a sole node starting up, whose previous life (killed mid-attempt) left some. */
    public int releaseClaims() {
        return handle.createUpdate("UPDATE webhook_event SET claimed_until = NULL WHERE claimed_until IS NOT NULL")
                .execute();
    }

    /**
     * Records one attempt and its outcome: DELIVERED on a 200; otherwise PENDING again at {@code nextAttemptAt}, or
     * FAILED once the attempts run out. Releases the claim, and keeps the token the attempt sent (signed from the
     * payload on a first attempt), which every later attempt sends again.
     */
    public void recordAttempt(
            WebhookEvent event,
            String token,
            Instant at,
            @Nullable Integer statusCode,
            long latencyMillis,
            @Nullable String error,
            Instant nextAttemptAt) {
        int attempt = event.attempts() + 1;
        boolean delivered = statusCode != null && statusCode == 200;
        String status = delivered ? "DELIVERED" : attempt >= event.giveUpAfter() ? "FAILED" : "PENDING";
        handle.createUpdate("""
                        UPDATE webhook_event SET token = :token, payload = NULL, status = :status,
                            attempts = :attempt, claimed_until = NULL,
                            last_attempt_at = :at, last_status_code = :statusCode, last_latency_ms = :latency,
                            last_error = :error, next_attempt_at = :next,
                            delivered_at = CASE WHEN :delivered THEN :at ELSE delivered_at END
                        WHERE event_id = :eventId
                        """)
                .bind("eventId", event.eventId())
                .bind("token", token)
                .bind("status", status)
                .bind("attempt", attempt)
                .bind("at", at)
                .bind("statusCode", statusCode)
                .bind("latency", latencyMillis)
                .bind("error", error)
                .bind("next", nextAttemptAt)
                .bind("delivered", delivered)
                .execute();
        handle.createUpdate("""
                        INSERT INTO webhook_attempt (event_id, attempt, attempted_at, status_code, latency_ms, error)
                        VALUES (:eventId, :attempt, :at, :statusCode, :latency, :error)
                        """)
                .bind("eventId", event.eventId())
                .bind("attempt", attempt)
                .bind("at", at)
                .bind("statusCode", statusCode)
                .bind("latency", latencyMillis)
                .bind("error", error)
                .execute();
    }

    /** Sends a delivered or failed event once more (or a pending one at once), with a fresh budget of attempts. */
    public boolean resend(String eventId, Instant now, int moreAttempts) {
        return handle.createUpdate("""
                        UPDATE webhook_event SET status = 'PENDING', next_attempt_at = :now, claimed_until = NULL,
                            give_up_after = attempts + :more
                        WHERE event_id = :eventId
                        """)
                        .bind("eventId", eventId)
                        .bind("now", now)
                        .bind("more", moreAttempts)
                        .execute()
                == 1;
    }

    /** The delivery log, newest first, optionally of one client and one status. */
    public List<WebhookEvent> log(@Nullable String clientId, WebhookEvent.@Nullable Status status, int limit) {
        var query = handle.createQuery("SELECT * FROM webhook_event WHERE 1 = 1"
                        + (clientId == null ? "" : " AND client_id = :clientId")
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at DESC, event_id LIMIT :limit")
                .bind("limit", limit);
        if (clientId != null) query.bind("clientId", clientId);
        if (status != null) query.bind("status", status.name());
        return query.map(EVENT).list();
    }

    /**
     * A page of the delivery log, newest first: of {@code clientIds} (null: of every client; empty: nothing), of one
     * status or all, {@code limit} events from {@code offset}.
     */
    public List<WebhookEvent> page(
            java.util.@Nullable Collection<String> clientIds,
            WebhookEvent.@Nullable Status status,
            int limit,
            int offset) {
        if (clientIds != null && clientIds.isEmpty()) return List.of();
        var query = handle.createQuery("SELECT * FROM webhook_event WHERE 1 = 1"
                        + (clientIds == null ? "" : " AND client_id IN (<clientIds>)")
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY created_at DESC, event_id LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset);
        if (clientIds != null) query.bindList("clientIds", List.copyOf(clientIds));
        if (status != null) query.bind("status", status.name());
        return query.map(EVENT).list();
    }

    /** The events of one payment, newest first. */
    public List<WebhookEvent> ofOperation(String operationId) {
        return handle.createQuery(
                        "SELECT * FROM webhook_event WHERE operation_id = :operationId ORDER BY created_at DESC, event_id")
                .bind("operationId", operationId)
                .map(EVENT)
                .list();
    }

    /** Every attempt to deliver an event, first first. */
    public List<WebhookAttempt> attempts(String eventId) {
        return handle.createQuery("SELECT * FROM webhook_attempt WHERE event_id = :eventId ORDER BY attempt")
                .bind("eventId", eventId)
                .map(ATTEMPT)
                .list();
    }
}
