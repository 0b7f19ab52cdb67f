package tochka.acquiring.api;

/** {@code WebhookTestSendRequest}: which event to send a test of (not wrapped in {@code Data}). */
public record WebhookTestSend(WebhookType webhookType) {}
