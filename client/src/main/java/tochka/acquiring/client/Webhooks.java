package tochka.acquiring.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tochka.acquiring.api.BooleanResult;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.api.WebhookTestSend;
import tochka.acquiring.api.WebhookType;

/**
 * The key's webhook ({@code /webhook/v1.0/{client_id}}): one URL per application and the events sent to it. On create
 * and edit the bank first sends a test event of each type to the URL and refuses the change unless each gets 200.
 * Verify what arrives with {@link TochkaClient#webhookVerifier()}.
 */
public final class Webhooks extends Resource {

    private static final String ROUTE = "/webhook/v1.0/{client_id}";
    private static final String TEST = ROUTE + "/test_send";

    Webhooks(Transport transport) {
        super(transport, null);
    }

    /** The webhook of {@code clientId} (the key's application). */
    public Webhook get(String clientId) {
        return block(() -> getAsync(clientId), ROUTE);
    }

    /** {@link #get(String)}, asynchronously. */
    public CompletableFuture<Webhook> getAsync(String clientId) {
        return read(ROUTE, path(clientId), Webhook.class);
    }

    /** Sends {@code types} of events to {@code url}; the bank tests the URL first. */
    public Webhook create(String clientId, String url, List<WebhookType> types) {
        return block(() -> createAsync(clientId, url, types), ROUTE);
    }

    /** {@link #create(String, String, List)}, asynchronously. */
    public CompletableFuture<Webhook> createAsync(String clientId, String url, List<WebhookType> types) {
        return save("PUT", clientId, url, types);
    }

    /** Changes the URL or the events of {@code clientId}'s webhook; the bank tests the URL first. */
    public Webhook edit(String clientId, String url, List<WebhookType> types) {
        return block(() -> editAsync(clientId, url, types), ROUTE);
    }

    /** {@link #edit(String, String, List)}, asynchronously. */
    public CompletableFuture<Webhook> editAsync(String clientId, String url, List<WebhookType> types) {
        return save("POST", clientId, url, types);
    }

    /** Stops sending events to {@code clientId}'s webhook. */
    public void delete(String clientId) {
        block(() -> deleteAsync(clientId), ROUTE);
    }

    /** {@link #delete(String)}, asynchronously. */
    public CompletableFuture<Void> deleteAsync(String clientId) {
        var call = new Transport.Call("DELETE", ROUTE, path(clientId).toString(), null, Transport.Safety.RETRY);
        return send(call, type(BooleanResult.class)).thenApply(result -> null);
    }

    /** Has the bank send a test event of {@code type} to {@code clientId}'s webhook. */
    public void testSend(String clientId, WebhookType type) {
        block(() -> testSendAsync(clientId, type), TEST);
    }

    /** {@link #testSend(String, WebhookType)}, asynchronously. */
    public CompletableFuture<Void> testSendAsync(String clientId, WebhookType type) {
        Objects.requireNonNull(type, "type");
        var call = new Transport.Call(
                "POST",
                TEST,
                path(clientId).then("test_send").toString(),
                new WebhookTestSend(type),
                Transport.Safety.RETRY);
        return send(call, type(BooleanResult.class)).thenApply(result -> null);
    }

    private CompletableFuture<Webhook> save(String method, String clientId, String url, List<WebhookType> types) {
        Objects.requireNonNull(url, "url");
        if (types.isEmpty()) throw new IllegalArgumentException("types: name at least one event type");
        // Saving the same URL and types twice ends the same way: a lost answer may be retried.
        var call = new Transport.Call(
                method, ROUTE, path(clientId).toString(), new Webhook(List.copyOf(types), url), Transport.Safety.RETRY);
        return send(call, type(Webhook.class));
    }

    private static Paths path(String clientId) {
        return Paths.of("webhook/v1.0").segment("clientId", clientId);
    }
}
