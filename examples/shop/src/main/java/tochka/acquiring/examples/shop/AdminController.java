package tochka.acquiring.examples.shop;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.TochkaException;

/** The admin's pages ({@code /admin}, behind {@link AdminGuard}): the orders, and a refund of a paid one. */
@Controller
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final OrderStore orders;
    private final TochkaClient tochka;

    /** The admin's controller over the orders and the bank's client. */
    public AdminController(OrderStore orders, TochkaClient tochka) {
        this.orders = orders;
        this.tochka = tochka;
    }

    /** Every order, newest first, with a "Refund" button for the paid ones. */
    @GetMapping("/admin")
    public String orders(Model model) {
        model.addAttribute("orders", orders.all());
        return "admin";
    }

    /**
     * Refunds the whole of a paid order through the bank, then marks it REFUNDED, and goes back to the list. The bank
     * refuses (409) a refund of more than is left, so a second click, even at the same moment, refunds nothing more.
     */
    @PostMapping("/admin/orders/{id}/refund")
    public ResponseEntity<Void> refund(@PathVariable("id") String id) {
        Order order = orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (order.status() != OrderStatus.PAID) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "only a paid order can be refunded");
        }
        String operationId = Objects.requireNonNull(order.operationId(), "a paid order has its operationId");
        BigDecimal amount = order.amount();
        try {
            tochka.payments().refund(operationId, amount);
        } catch (TochkaException e) {
            log.warn("order {}: the refund was refused: {}", id, e.getMessage());
            throw new ResponseStatusException(
                    HttpStatus.BAD_GATEWAY, "the bank refused the refund: " + e.getMessage(), e);
        }
        orders.markRefunded(id);
        log.info("order {}: refunded {} roubles", id, amount.toPlainString());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/admin"))
                .build();
    }
}
