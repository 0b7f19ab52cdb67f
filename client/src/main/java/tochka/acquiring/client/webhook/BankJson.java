package tochka.acquiring.client.webhook;

import tochka.acquiring.api.AcquiringInternetPaymentEvent;
import tochka.acquiring.api.WebhookClaims;

/** Claims written the way the bank writes them, byte for byte ({@link WebhookClaims}): every value a string. */
final class BankJson {

    private BankJson() {}

    /** The claims of {@code event} as the bank's acquiringInternetPayment; its {@code claimsJson} is not read. */
    static String payment(PaymentEvent event) {
        return WebhookClaims.write(new AcquiringInternetPaymentEvent(
                event.customerCode(),
                Amounts.format(event.amount()),
                event.paymentTypeValue(),
                event.operationId(),
                event.transactionId(),
                event.purpose(),
                event.qrcId(),
                event.payerName(),
                event.webhookType(),
                event.merchantId(),
                event.consumerId(),
                event.statusValue(),
                event.paymentLinkId()));
    }
}
