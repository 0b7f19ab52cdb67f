package tochka.acquiring.examples.shop;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The shop's orders, in memory: thread-safe, and lost when the shop stops. Good enough for an example; a real shop
 * keeps orders in its database, and makes each status change a conditional update ({@code UPDATE orders SET
 * status = 'PAID' WHERE id = ? AND status = 'NEW'}) so that a webhook the bank resends, or two arriving at once,
 * change an order once, as {@link #markPaid} does here.
 */
@Component
public class OrderStore {

    private final ConcurrentMap<String, Order> orders = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A store that stamps orders with the system clock. */
    public OrderStore() {
        this(Clock.systemUTC());
    }

    OrderStore(Clock clock) {
        this.clock = clock;
    }

    /** A new order of {@code product}, status NEW, with a fresh id (32 hex digits, a valid {@code paymentLinkId}). */
    public Order create(Product product) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Order order = new Order(id, product, product.price(), OrderStatus.NEW, null, null, clock.instant());
        orders.put(id, order);
        return order;
    }

    /** The order with this id, if there is one. */
    public Optional<Order> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** Every order, newest first. */
    public List<Order> all() {
        return orders.values().stream()
                .sorted(Comparator.comparing(Order::createdAt).reversed())
                .toList();
    }

    /** Attaches the bank's payment link to order {@code id}. */
    public Order attachPayment(String id, String operationId, String paymentLink) {
        return update(id, order -> order.withPayment(operationId, paymentLink));
    }

    /**
     * Marks order {@code id} PAID if it is NEW; an order already PAID or REFUNDED is left as it is.
     *
     * @return whether this call changed the order
     */
    public boolean markPaid(String id) {
        return transition(id, OrderStatus.NEW, OrderStatus.PAID);
    }

    /**
     * Marks order {@code id} REFUNDED if it is PAID.
     *
     * @return whether this call changed the order
     */
    public boolean markRefunded(String id) {
        return transition(id, OrderStatus.PAID, OrderStatus.REFUNDED);
    }

    private boolean transition(String id, OrderStatus from, OrderStatus to) {
        boolean[] changed = {false};
        // computeIfPresent runs atomically per key: two calls at once cannot both see `from`.
        orders.computeIfPresent(id, (key, order) -> {
            if (order.status() != from) return order;
            changed[0] = true;
            return order.withStatus(to);
        });
        return changed[0];
    }

    private Order update(String id, UnaryOperator<Order> change) {
        Order updated = orders.computeIfPresent(id, (key, order) -> change.apply(order));
        if (updated == null) throw new IllegalArgumentException("no order " + id);
        return updated;
    }
}
