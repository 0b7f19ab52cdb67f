package tochka.acquiring.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;

/** A merchant's payment test as the README shows it: one dependency, one annotation, ten lines. */
@TochkaServer
class MerchantExampleIT {

    @Test
    void a_paid_order_is_approved(TochkaClient tochka, ServerControl control, WebhookInbox inbox) {
        CreatedPayment link = tochka.payments()
                .create(PaymentLinkRequest.builder()
                        .amount("1500.00")
                        .purpose("Order 42")
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .build());

        control.pay(link.operationId());

        PaymentEvent paid = inbox.awaitPayment(link.operationId(), Duration.ofSeconds(10));
        assertThat(paid.status()).isEqualTo(AcquiringPaymentStatus.APPROVED);
        assertThat(paid.amount()).isEqualByComparingTo("1500.00");
        assertThat(tochka.payments().get(link.operationId()).status()).isEqualTo(AcquiringPaymentStatus.APPROVED);
    }
}
