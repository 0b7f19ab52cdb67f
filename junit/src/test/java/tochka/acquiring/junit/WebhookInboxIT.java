package tochka.acquiring.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.testkit.TestServer;

/** The inbox: verified events, each taken by the test that waits for its operation, in any order, from any thread. */
@TochkaServer
class WebhookInboxIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final TochkaClient tochka;
    private final ServerControl control;
    private final WebhookInbox inbox;

    WebhookInboxIT(TochkaClient tochka, ServerControl control, WebhookInbox inbox) {
        this.tochka = tochka;
        this.control = control;
        this.inbox = inbox;
    }

    @Test
    void one_inbox_serves_the_class_and_is_the_server_webhook(WebhookInbox again, TestServer server) {
        assertThat(again).isSameAs(inbox);
        assertThat(tochka.webhooks().get(server.clientId()).url()).isEqualTo(inbox.url());
    }

    @Test
    void each_operation_event_is_taken_by_its_own_wait_in_any_order() {
        String first = link(false);
        String second = link(false);
        control.pay(first);
        control.pay(second, PaymentType.CARD);

        PaymentEvent ofSecond = inbox.awaitPayment(second, DEADLINE);
        PaymentEvent ofFirst = inbox.awaitPayment(first, DEADLINE);

        assertThat(ofSecond.operationId()).isEqualTo(second);
        assertThat(ofFirst.operationId()).isEqualTo(first);
        assertThat(ofFirst.amount()).isEqualByComparingTo("7.77");
        assertThat(ofFirst.paymentType()).isEqualTo(PaymentType.CARD);
    }

    @Test
    void next_takes_whatever_event_comes() {
        String operationId = link(false);
        control.pay(operationId);

        assertThat(inbox.next(DEADLINE).operationId()).isEqualTo(operationId);
    }

    @Test
    void an_authorized_two_stage_payment_arrives_as_authorized() {
        String operationId = link(true);

        control.authorize(operationId);

        PaymentEvent event = inbox.awaitPayment(operationId, DEADLINE);
        assertThat(event.isAuthorized()).isTrue();
        assertThat(event.status()).isEqualTo(AcquiringPaymentStatus.AUTHORIZED);
    }

    @Test
    void tests_waiting_at_once_each_get_their_own_event() throws Exception {
        String first = link(false);
        String second = link(false);
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<PaymentEvent> ofFirst =
                    CompletableFuture.supplyAsync(() -> inbox.awaitPayment(first, DEADLINE), waiters);
            CompletableFuture<PaymentEvent> ofSecond =
                    CompletableFuture.supplyAsync(() -> inbox.awaitPayment(second, DEADLINE), waiters);

            control.pay(second);
            control.pay(first);

            assertThat(ofFirst.get(30, TimeUnit.SECONDS).operationId()).isEqualTo(first);
            assertThat(ofSecond.get(30, TimeUnit.SECONDS).operationId()).isEqualTo(second);
        } finally {
            waiters.shutdownNow();
        }
    }

    @Test
    void a_wait_for_an_event_that_never_comes_fails_naming_the_operation() {
        String unpaid = link(false);

        assertThatThrownBy(() -> inbox.awaitPayment(unpaid, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(unpaid);
    }

    private String link(boolean twoStage) {
        return tochka.payments()
                .create(PaymentLinkRequest.builder()
                        .amount("7.77")
                        .purpose("inbox")
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .preAuthorization(twoStage)
                        .build())
                .operationId();
    }
}
