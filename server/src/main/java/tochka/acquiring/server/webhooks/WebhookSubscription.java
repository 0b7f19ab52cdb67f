package tochka.acquiring.server.webhooks;

import java.time.Instant;
import java.util.List;
import tochka.acquiring.api.WebhookType;

/** An application's webhook: one URL per client_id, and the events it wants there. */
public record WebhookSubscription(
        String clientId, String url, List<WebhookType> types, Instant createdAt, Instant updatedAt) {

    public WebhookSubscription {
        types = List.copyOf(types);
    }
}
