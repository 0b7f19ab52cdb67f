package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;


class PaymentStatusTest {

    @Test
    void one_stage_two_stage_refund_and_expiry_transitions_are_allowed() {
        assertThat(PaymentStatus.CREATED.canMoveTo(PaymentStatus.APPROVED)).isTrue();
        assertThat(PaymentStatus.CREATED.canMoveTo(PaymentStatus.AUTHORIZED)).isTrue();
        assertThat(PaymentStatus.CREATED.canMoveTo(PaymentStatus.EXPIRED)).isTrue();
        assertThat(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.APPROVED)).isTrue();
        assertThat(PaymentStatus.APPROVED.canMoveTo(PaymentStatus.REFUNDED_PARTIALLY)).isTrue();
        assertThat(PaymentStatus.REFUNDED_PARTIALLY.canMoveTo(PaymentStatus.REFUNDED)).isTrue();
    }

    @Test
    void nothing_leaves_a_final_status_and_nothing_skips_payment() {
        for (PaymentStatus next : PaymentStatus.values()) {
            assertThat(PaymentStatus.REFUNDED.canMoveTo(next)).isFalse();
            assertThat(PaymentStatus.EXPIRED.canMoveTo(next)).isFalse();
        }
        assertThat(PaymentStatus.CREATED.canMoveTo(PaymentStatus.REFUNDED)).isFalse();
        assertThat(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.REFUNDED_PARTIALLY)).isFalse();
        assertThat(PaymentStatus.APPROVED.canMoveTo(PaymentStatus.CREATED)).isFalse();
    }

    @Test
    void refunds_are_allowed_only_from_paid_statuses() {
        assertThat(PaymentStatus.REFUNDABLE).containsExactlyInAnyOrder(PaymentStatus.APPROVED,
                PaymentStatus.REFUNDED_PARTIALLY);
    }

    @Test
    void on_refund_keeps_the_banks_hyphen() {
        assertThat(PaymentStatus.ON_REFUND.wireName()).isEqualTo("ON-REFUND");
        assertThat(PaymentStatus.ofWireName("ON-REFUND")).isEqualTo(PaymentStatus.ON_REFUND);
        assertThat(PaymentStatus.REFUNDED_PARTIALLY.wireName()).isEqualTo("REFUNDED_PARTIALLY");
    }

    @Test
    void an_unpaid_link_reads_expired_once_its_ttl_has_run_out() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        Payment payment = new Payment("op", "300000092", "200000000001097", "1", new Money(100), Money.ZERO, "p",
                List.of(PaymentMode.CARD), null, null, false, "c", false, 10, null, PaymentStatus.CREATED, created,
                null, List.of());

        assertThat(payment.status(created.plusSeconds(599))).isEqualTo(PaymentStatus.CREATED);
        assertThat(payment.status(created.plusSeconds(600))).isEqualTo(PaymentStatus.EXPIRED);
    }
}
