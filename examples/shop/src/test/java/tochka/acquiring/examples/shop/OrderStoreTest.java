package tochka.acquiring.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderStoreTest {

    private final OrderStore orders = new OrderStore();
    private final Product mug = new Product("mug", "Mug", new BigDecimal("590"));

    @Test
    void an_order_is_paid_once_however_often_the_webhook_comes() {
        Order order = orders.create(mug);

        assertThat(orders.markPaid(order.id())).isTrue();
        assertThat(orders.markPaid(order.id())).isFalse();
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_refunded_order_is_not_paid_again() {
        Order order = orders.create(mug);
        orders.markPaid(order.id());

        assertThat(orders.markRefunded(order.id())).isTrue();
        assertThat(orders.markPaid(order.id())).isFalse();
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void only_a_paid_order_is_refunded() {
        Order order = orders.create(mug);

        assertThat(orders.markRefunded(order.id())).isFalse();
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void an_order_id_is_a_valid_payment_link_id() {
        Order order = orders.create(mug);

        assertThat(order.id()).matches("[0-9a-f]{32}");
        assertThat(order.amount()).isEqualByComparingTo("590.00");
    }
}
