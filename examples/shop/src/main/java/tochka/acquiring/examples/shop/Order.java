package tochka.acquiring.examples.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order of one product. Its id is also the payment link's id (the bank's paymentLinkId), so the
 * bank's webhook and a lookup by that id lead back to it; the operation id and the payment link's URL are the bank's,
 * known once the link is made.
 */
public record Order(
        String id,
        Product product,
        BigDecimal amount,
        OrderStatus status,
        @Nullable String operationId,
        @Nullable String paymentLink,
        Instant createdAt) {

    /** An order; see the record's description for the fields. */
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This order with the bank's payment link attached. */
    Order withPayment(String operationId, String paymentLink) {
        return new Order(id, product, amount, status, operationId, paymentLink, createdAt);
    }

    /** This order in {@code status}. */
    Order withStatus(OrderStatus status) {
        return new Order(id, product, amount, status, operationId, paymentLink, createdAt);
    }
}
