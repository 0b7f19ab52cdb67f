package tochka.acquiring.api;

/** {@code WebhookTypeEnum}: the events an application can subscribe to. */
public enum WebhookType {
    incomingPayment,
    outgoingPayment,
    incomingSbpPayment,
    acquiringInternetPayment,
    incomingSbpB2BPayment
}
