package tochka.acquiring.server.webhooks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import tochka.acquiring.api.BooleanResult;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.api.WebhookTestSend;
import tochka.acquiring.server.core.Principal;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.Bodies;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.QueryParams;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.http.Wire;

/**
 * {@code /webhook/v1.0/{client_id}}: a key manages only its own client_id's webhook. Requests are the bare objects,
 * not wrapped in {@code Data}; responses are wrapped, as the spec shows. Also our delivery log for the operator.
 */
public final class WebhooksApi implements Endpoints {

    private final Webhooks webhooks;
    private final Bodies bodies;
    private final Responses responses;

    public WebhooksApi(Webhooks webhooks, Bodies bodies, Responses responses) {
        this.webhooks = webhooks;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addTo(Routes routes) {
        String path = "/webhook/v1.0/{client_id}";
        routes.bank(HandlerType.GET, path, Permission.ManageWebhookData, this::get);
        routes.bank(HandlerType.PUT, path, Permission.ManageWebhookData, this::create);
        routes.bank(HandlerType.POST, path, Permission.ManageWebhookData, this::edit);
        routes.bank(HandlerType.DELETE, path, Permission.ManageWebhookData, this::delete);
        routes.bank(HandlerType.POST, path + "/test_send", Permission.ManageWebhookData, this::testSend);
        routes.admin(HandlerType.GET, "/admin/v1/webhooks/deliveries", this::deliveries);
        routes.admin(HandlerType.POST, "/admin/v1/webhooks/deliveries/{eventId}/resend", this::resend);
    }

    void get(Context ctx, Principal principal) {
        responses.ok(ctx, Envelope.of(wire(webhooks.get(ownClientId(ctx, principal))), responses.self(ctx)));
    }

    void create(Context ctx, Principal principal) {
        save(ctx, principal, false);
    }

    void edit(Context ctx, Principal principal) {
        save(ctx, principal, true);
    }

    private void save(Context ctx, Principal principal, boolean replace) {
        String clientId = ownClientId(ctx, principal);
        Webhook request = bodies.read(ctx, new TypeReference<Webhook>() {});
        Problems problems = new Problems();
        if (request.webhooksList() == null) problems.add("webhooksList", "field required");
        else if (request.webhooksList().contains(null)) problems.add("webhooksList", "must not contain null");
        if (request.url() == null) problems.add("url", "field required");
        else if (request.url().isEmpty() || request.url().length() > 2083) {
            problems.add("url", "must be 1 to 2083 characters");
        }
        problems.throwIfAny();
        // The test webhooks run off Jetty's threads: the request waits without holding one.
        var saved = webhooks.save(clientId, companyOf(principal), request.webhooksList(), request.url(), replace);
        ctx.future(() -> saved.thenAccept(
                subscription -> responses.ok(ctx, Envelope.of(wire(subscription), responses.self(ctx)))));
    }

    void delete(Context ctx, Principal principal) {
        webhooks.delete(ownClientId(ctx, principal));
        responses.ok(ctx, Envelope.of(new BooleanResult(true), responses.self(ctx)));
    }

    void testSend(Context ctx, Principal principal) {
        String clientId = ownClientId(ctx, principal);
        WebhookTestSend request = bodies.read(ctx, new TypeReference<WebhookTestSend>() {});
        if (request.webhookType() == null) throw Rejected.invalid("webhookType: field required");
        webhooks.testSend(clientId, companyOf(principal), request.webhookType());
        responses.ok(ctx, Envelope.of(new BooleanResult(true), responses.self(ctx)));
    }

    /** Our extension: the delivery log, newest first ({@code ?clientId=&status=&limit=}). */
    void deliveries(Context ctx) {
        Problems problems = new Problems();
        QueryParams params = new QueryParams(ctx, problems);
        String status = params.optional("status");
        WebhookEvent.Status wanted = null;
        if (status != null) {
            try {
                wanted = WebhookEvent.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                problems.add("status", "must be one of PENDING, DELIVERED, FAILED");
            }
        }
        int limit = params.integer("limit", 100, 1, 1000);
        problems.throwIfAny();
        var log = webhooks.log(params.optional("clientId"), wanted, limit).stream()
                .map(WebhooksApi::delivery)
                .toList();
        responses.ok(ctx, Envelope.of(Map.of("Delivery", log), responses.self(ctx)));
    }

    /** Our extension: deliver an event again, whatever became of it. */
    void resend(Context ctx) {
        webhooks.resend(ctx.pathParam("eventId"));
        responses.ok(ctx, Envelope.of(new BooleanResult(true), responses.self(ctx)));
    }

    private static String ownClientId(Context ctx, Principal principal) {
        String clientId = ctx.pathParam("client_id");
        if (!clientId.equals(principal.clientId())) {
            throw Rejected.forbidden("key " + principal.clientId() + " may manage only its own webhook (client_id "
                    + principal.clientId() + "), not " + clientId);
        }
        return clientId;
    }

    /** The company the test webhooks speak of: the key's first. */
    private static String companyOf(Principal principal) {
        return principal.customerCodes().stream()
                .sorted()
                .findFirst()
                .orElseThrow(() -> Rejected.forbidden("key " + principal.clientId() + " may act for no company"));
    }

    private static Webhook wire(WebhookSubscription subscription) {
        return new Webhook(subscription.types(), subscription.url());
    }

    private static Map<String, Object> delivery(WebhookEvent event) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("eventId", event.eventId());
        row.put("clientId", event.clientId());
        row.put("webhookType", event.type().name());
        row.put("operationId", event.operationId());
        row.put("url", event.url());
        row.put("status", event.status().name());
        row.put("attempts", event.attempts());
        row.put("lastStatusCode", event.lastStatusCode());
        row.put("lastLatencyMs", event.lastLatencyMillis());
        row.put("lastError", event.lastError());
        row.put("createdAt", Wire.time(event.createdAt()));
        row.put("lastAttemptAt", Wire.timeOrNull(event.lastAttemptAt()));
        row.put(
                "nextAttemptAt",
                event.status() == WebhookEvent.Status.PENDING ? Wire.time(event.nextAttemptAt()) : null);
        row.put("deliveredAt", Wire.timeOrNull(event.deliveredAt()));
        return row;
    }
}
