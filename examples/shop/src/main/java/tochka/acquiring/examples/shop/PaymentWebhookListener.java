package tochka.acquiring.examples.shop;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;

/**
 * Marks an order PAID when the bank's webhook says its payment link was paid. The starter's endpoint has checked the
 * webhook's signature before publishing the event, and answers the bank 200 only once this listener returned: an
 * exception here makes it answer 500, and the bank sends the webhook again later.
 *
 * <p>Every check is on the verified event, and the payment is read back from the bank before the order is marked, as
 * the bank's documentation advises. A webhook the bank sends again finds the order PAID and changes nothing.
 */
@Component
public class PaymentWebhookListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookListener.class);

    private final OrderStore orders;
    private final TochkaClient tochka;

    /** A listener that marks the orders of {@code orders}, reading payments back through {@code tochka}. */
    public PaymentWebhookListener(OrderStore orders, TochkaClient tochka) {
        this.orders = orders;
        this.tochka = tochka;
    }

    /** Handles a verified {@code acquiringInternetPayment} webhook. */
    @EventListener
    public void onPayment(PaymentEvent event) {
        String linkId = event.paymentLinkId();
        Optional<Order> found = linkId == null ? Optional.empty() : orders.find(linkId);
        if (found.isEmpty()) {
            // The bank's test webhook, sent when the webhook URL is saved, is one of these: answer 200, do nothing.
            log.info("payment {}: not one of our orders (paymentLinkId {})", event.operationId(), linkId);
            return;
        }
        Order order = found.get();
        if (!event.customerCode().equals(tochka.customerCode())) {
            log.warn("order {}: a webhook for another company ({}), ignored", order.id(), event.customerCode());
            return;
        }
        if (!event.isApproved()) {
            log.info("order {}: payment {} is {}, not paid yet", order.id(), event.operationId(), event.statusValue());
            return;
        }
        if (order.status() != OrderStatus.NEW) {
            log.info("order {}: already {}, the webhook again changes nothing", order.id(), order.status());
            return;
        }
        if (order.operationId() == null) {
            // The link's answer is still on its way to the order: fail, so that the bank sends the webhook again.
            throw new IllegalStateException("order " + order.id() + " has no operationId yet");
        }
        if (!event.operationId().equals(order.operationId()) || event.amount().compareTo(order.amount()) != 0) {
            log.warn(
                    "order {}: webhook of payment {} for {} roubles does not match the order's payment {} of {}",
                    order.id(),
                    event.operationId(),
                    event.amount().toPlainString(),
                    order.operationId(),
                    order.amount().toPlainString());
            return;
        }
        // Read the payment back before shipping. Should the bank not answer, the exception makes the webhook fail and
        // come again.
        PaymentOperation payment = tochka.payments().get(Objects.requireNonNull(order.operationId()));
        if (payment.status() != AcquiringPaymentStatus.APPROVED
                || payment.amount().compareTo(order.amount()) != 0) {
            log.warn(
                    "order {}: the bank says payment {} is {} for {} roubles; not marked paid",
                    order.id(),
                    payment.operationId(),
                    payment.status(),
                    payment.amount().toPlainString());
            return;
        }
        if (orders.markPaid(order.id())) {
            log.info("order {}: paid, {} roubles", order.id(), order.amount().toPlainString());
        }
    }
}
