package tochka.acquiring.server.webhooks;

import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tochka.acquiring.api.AcquiringInternetPaymentEvent;
import tochka.acquiring.api.IncomingSbpPaymentEvent;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.http.Wire;
import tochka.acquiring.server.payments.Payer;
import tochka.acquiring.server.payments.Payment;
import tochka.acquiring.server.payments.PaymentEvents;
import tochka.acquiring.server.payments.PaymentStatus;
import tochka.acquiring.server.payments.PaymentWire;

/**
 * Turns a paid payment into the bank's webhooks, written to the outbox in the payment's own transaction:
 * {@code acquiringInternetPayment} for AUTHORIZED and APPROVED, and {@code incomingSbpPayment} for an SBP payment,
 * to every subscriber whose key may act for the payment's company.
 */
public final class PaymentWebhooks implements PaymentEvents {

    private final Outbox outbox;
    private final Runnable deliverNow;

    public PaymentWebhooks(Outbox outbox, Runnable deliverNow) {
        this.outbox = outbox;
        this.deliverNow = deliverNow;
    }

    @Override
    public void paid(Handle handle, Payment payment) {
        Payer payer = payment.payer();
        PaymentStatus status = payment.storedStatus();
        if (payer == null || (status != PaymentStatus.APPROVED && status != PaymentStatus.AUTHORIZED)) return;
        outbox.publish(
                handle,
                payment.customerCode(),
                WebhookType.acquiringInternetPayment,
                payment.operationId(),
                acquiringInternetPayment(payment, payer));
        if (payer.type() == PaymentMode.SBP) {
            Optional<Retailer> retailer = DirectoryService.within(handle).retailers(payment.customerCode()).stream()
                    .filter(candidate -> candidate.merchantId().equals(payment.merchantId()))
                    .findFirst();
            outbox.publish(
                    handle,
                    payment.customerCode(),
                    WebhookType.incomingSbpPayment,
                    payment.operationId(),
                    incomingSbpPayment(
                            payment, payer, retailer.map(Retailer::name).orElse("")));
        }
    }

    @Override
    public void committed() {
        deliverNow.run();
    }

    /** The field sets of the bank's examples: card adds consumerId; SBP transactionId, qrcId and payerName. */
    static AcquiringInternetPaymentEvent acquiringInternetPayment(Payment payment, Payer payer) {
        boolean sbp = payer.type() == PaymentMode.SBP;
        return new AcquiringInternetPaymentEvent(
                payment.customerCode(),
                payment.amount().roubles().toPlainString(),
                Wire.name(payer.type()),
                payment.operationId(),
                sbp ? payer.transactionId() : null,
                payment.purpose(),
                sbp ? payer.qrcId() : null,
                sbp ? payer.payerName() : null,
                WebhookType.acquiringInternetPayment.name(),
                payment.merchantId(),
                payer.type() == PaymentMode.CARD ? payment.consumerId() : null,
                PaymentWire.status(payment.storedStatus()).value(),
                payment.paymentLinkId());
    }

    /**
     * The SBP side of the same payment. {@code merchantId} is the retailer's SBP merchant id, 12 characters
     * ({@code MF} and the last ten digits of the acquiring merchantId here); {@code operationId} is the SBP
     * operation's own id (the processing's paymentId).
     */
    static IncomingSbpPaymentEvent incomingSbpPayment(Payment payment, Payer payer, String brandName) {
        String merchantId = payment.merchantId();
        // PaymentService.pay gives every SBP payer all three; only a card payer lacks them.
        String why = "an SBP payer has a qrcId, a payerName and a transactionId";
        return new IncomingSbpPaymentEvent(
                payer.paymentId(),
                Objects.requireNonNull(payer.qrcId(), why),
                payment.amount().roubles().toPlainString(),
                "+79990000000",
                Objects.requireNonNull(payer.payerName(), why),
                brandName,
                "MF" + merchantId.substring(merchantId.length() - 10),
                payment.purpose(),
                WebhookType.incomingSbpPayment.name(),
                payment.customerCode(),
                Objects.requireNonNull(payer.transactionId(), why));
    }
}
