package tochka.acquiring.examples.shop;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.client.NotFoundException;
import tochka.acquiring.client.TochkaClient;

/**
 * Tells the bank where to send payment webhooks, once the shop is up (so that it can answer the bank's test webhook):
 * {@code shop.public-url} (or {@code http://127.0.0.1:<port>} on a developer's machine) and the starter's
 * {@code tochka.webhook.path}, for the key's {@code shop.webhook-client-id}. Off when that is blank.
 */
@Component
public class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);
    private static final List<WebhookType> TYPES = List.of(WebhookType.acquiringInternetPayment);

    private final TochkaClient tochka;
    private final ShopProperties properties;
    private final Environment environment;

    /** Registration through {@code tochka}, as {@code properties} and the server's port say. */
    public WebhookRegistration(TochkaClient tochka, ShopProperties properties, Environment environment) {
        this.tochka = tochka;
        this.properties = properties;
        this.environment = environment;
    }

    /** Registers the shop's webhook URL when the shop is ready, unless it is registered already. */
    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        String clientId = properties.webhookClientId();
        if (clientId == null || clientId.isBlank()) return;
        String url = webhookUrl();
        Webhook current;
        try {
            current = tochka.webhooks().get(clientId);
        } catch (NotFoundException none) {
            tochka.webhooks().create(clientId, url, TYPES);
            log.info("webhook registered: {}", url);
            return;
        }
        if (url.equals(current.url()) && current.webhooksList().containsAll(TYPES)) return;
        tochka.webhooks().edit(clientId, url, TYPES);
        log.info("webhook moved from {} to {}", current.url(), url);
    }

    /** Where the bank should send the webhooks. */
    String webhookUrl() {
        String path = environment.getProperty("tochka.webhook.path", "/tochka/webhook");
        String base = properties.publicUrl();
        if (base == null || base.isBlank()) {
            base = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        }
        return base.replaceAll("/+$", "") + path;
    }
}
