package tochka.acquiring.client.webhook;

import java.util.Objects;

/**
 * A verified webhook of a type this SDK has no record for ({@code incomingPayment}, {@code outgoingPayment},
 * {@code incomingSbpB2BPayment} or one the bank adds later): read {@link #claimsJson()} yourself.
 */
public record OtherEvent(String webhookType, String claimsJson) implements WebhookEvent {

    /** An event of {@code webhookType} whose payload is {@code claimsJson}. */
    public OtherEvent {
        Objects.requireNonNull(webhookType, "webhookType");
        Objects.requireNonNull(claimsJson, "claimsJson");
    }
}
