package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static tochka.acquiring.server.payments.PaymentStatus.APPROVED;
import static tochka.acquiring.server.payments.PaymentStatus.AUTHORIZED;
import static tochka.acquiring.server.payments.PaymentStatus.CREATED;
import static tochka.acquiring.server.payments.PaymentStatus.EXPIRED;
import static tochka.acquiring.server.payments.PaymentStatus.REFUNDED;
import static tochka.acquiring.server.payments.PaymentStatus.REFUNDED_PARTIALLY;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.payments.PaymentStatus.Move;

/**
 * The table the store's guarded statements bind their {@code WHERE status IN (...)} from ({@link Move}), and the
 * expiry rule read from it: what the table says here is what production enforces.
 */
class PaymentStatusTest {

    @Test
    void each_move_starts_and_ends_where_the_bank_documents() {
        assertThat(Move.PAY.from()).containsExactly(CREATED);
        assertThat(Move.PAY.to()).containsExactlyInAnyOrder(APPROVED, AUTHORIZED);
        assertThat(Move.CAPTURE.from()).containsExactly(AUTHORIZED);
        assertThat(Move.CAPTURE.to()).containsExactly(APPROVED);
        assertThat(Move.REFUND.from()).containsExactlyInAnyOrder(APPROVED, REFUNDED_PARTIALLY);
        assertThat(Move.REFUND.to()).containsExactlyInAnyOrder(REFUNDED_PARTIALLY, REFUNDED);
        assertThat(Move.EXPIRE.from()).containsExactly(CREATED);
        assertThat(Move.EXPIRE.to()).containsExactly(EXPIRED);
    }

    @Test
    void an_authorized_link_is_captured_not_paid_again() {
        assertThat(Move.CAPTURE.allows(AUTHORIZED, APPROVED)).isTrue();
        assertThat(Move.PAY.allows(AUTHORIZED, APPROVED))
                .as("the pay guard refuses an AUTHORIZED link")
                .isFalse();
        assertThat(Move.CAPTURE.allows(CREATED, APPROVED))
                .as("nothing is captured that was not held")
                .isFalse();
    }

    @Test
    void nothing_leaves_a_final_status_and_nothing_skips_payment() {
        for (PaymentStatus next : PaymentStatus.values()) {
            assertThat(REFUNDED.canMoveTo(next)).isFalse();
            assertThat(EXPIRED.canMoveTo(next)).isFalse();
        }
        assertThat(CREATED.canMoveTo(REFUNDED)).isFalse();
        assertThat(AUTHORIZED.canMoveTo(REFUNDED_PARTIALLY)).isFalse();
        assertThat(APPROVED.canMoveTo(CREATED)).isFalse();
        assertThat(REFUNDED_PARTIALLY.canMoveTo(REFUNDED)).isTrue();
    }

    @Test
    void a_refund_starts_where_the_refund_move_does() {
        assertThat(PaymentStatus.refundable()).isEqualTo(Move.REFUND.from());
    }

    @Test
    void an_unpaid_link_reads_expired_once_its_ttl_has_run_out_and_a_paid_one_never() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        Payment payment = payment(CREATED, created);

        assertThat(payment.status(created.plusSeconds(599))).isEqualTo(CREATED);
        assertThat(payment.status(created.plusSeconds(600))).isEqualTo(EXPIRED);
        assertThat(payment(APPROVED, created).status(created.plusSeconds(600))).isEqualTo(APPROVED);
        assertThat(payment(AUTHORIZED, created).status(created.plusSeconds(600)))
                .isEqualTo(AUTHORIZED);
    }

    private static Payment payment(PaymentStatus status, Instant created) {
        return new Payment(
                "op",
                "300000092",
                "200000000001097",
                "1",
                new Money(100),
                Money.ZERO,
                "p",
                List.of(PaymentMode.CARD),
                null,
                null,
                false,
                "c",
                false,
                10,
                null,
                status,
                created,
                null,
                List.of());
    }
}
