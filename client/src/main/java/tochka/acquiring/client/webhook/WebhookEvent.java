package tochka.acquiring.client.webhook;

/**
 * A webhook whose signature {@link WebhookVerifier} has checked: a {@link PaymentEvent}, an {@link SbpPaymentEvent}
 * or, for every other type, an {@link OtherEvent}.
 */
public sealed interface WebhookEvent permits PaymentEvent, SbpPaymentEvent, OtherEvent {

    /** The {@code webhookType} claim, e.g. {@code acquiringInternetPayment}. */
    String webhookType();

    /** The signed payload exactly as the bank sent it (JSON), for logging and auditing. */
    String claimsJson();
}
