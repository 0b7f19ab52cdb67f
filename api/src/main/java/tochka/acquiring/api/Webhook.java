package tochka.acquiring.api;

import java.util.List;

/**
 * {@code Webhook}: an application's subscription, one URL and the events sent to it. The request bodies of create
 * and edit are this object itself, not wrapped in {@code Data}; responses wrap it as usual.
 */
public record Webhook(List<WebhookType> webhooksList, String url) {}
