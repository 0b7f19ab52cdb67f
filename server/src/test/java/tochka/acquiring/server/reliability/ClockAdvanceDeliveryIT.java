package tochka.acquiring.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * A webhook being delivered by one PostgreSQL node is not delivered again by another because the test clock moved.
 *
 * <p>The lease ({@code claimed_until}) runs on the machine's clock: on the test clock, which every node shares, an
 * advance of an hour made every claim in flight look lapsed, and another node delivered the same event while the
 * first still waited for the receiver's answer.
 */
class ClockAdvanceDeliveryIT {

    @Test
    void a_clock_advance_does_not_make_another_node_deliver_an_event_in_flight() {
        assumeTrue(TestDatabases.postgres(), "several nodes share one PostgreSQL; SQLite has one server per store");
        String dbUrl = TestDatabases.freshUrl();
        try (TestServer a = TestServer.start(TestServer.tempDir(), dbUrl);
                TestServer b = TestServer.start(TestServer.tempDir(), dbUrl);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            Node nodeA = Node.of("a", a);
            nodeA.subscribe(receiver.url());
            Reliability.await("the subscription's test webhook", Duration.ofSeconds(10), () -> receiver.count() >= 1);
            int before = receiver.arrivals();
            // The receiver holds each answer 1.5 s: less than the 2 s delivery timeout, so the first attempt succeeds.
            receiver.holdUntil(new CountDownLatch(1), Duration.ofMillis(1500));

            String operationId = a.paidCardLink("10");
            Reliability.await(
                    "the payment's webhook reaches the receiver",
                    Duration.ofSeconds(10),
                    () -> receiver.arrivals() > before);
            b.advanceClock(60);

            long deliveries = countOf(receiver, operationId);
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end && (deliveries = countOf(receiver, operationId)) < 2) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
            assertThat(deliveries)
                    .as("deliveries of the payment's one event to a receiver that answers 200")
                    .isEqualTo(1);
        }
    }

    private static long countOf(WebhookReceiver receiver, String operationId) {
        return receiver.history().stream()
                .filter(received -> Deliveries.claimsOf(received.body()).contains(operationId))
                .count();
    }
}
