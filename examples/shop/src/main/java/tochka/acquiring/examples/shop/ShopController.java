package tochka.acquiring.examples.shop;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.TochkaException;

/**
 * The buyer's pages: the products, "Pay" (an order and its payment link, then off to the bank's payment page), and
 * the page the bank sends the buyer back to.
 *
 * <p>Only POST changes anything, so a link or an image on another site cannot make orders. A form on another site
 * still can (there is no CSRF token here: Spring Security would add one); for a shop whose only POST makes an unpaid
 * order, that is harmless. The admin's POST is guarded more: {@link AdminGuard}.
 */
@Controller
public class ShopController {

    private static final Logger log = LoggerFactory.getLogger(ShopController.class);

    private final Catalogue catalogue;
    private final OrderStore orders;
    private final TochkaClient tochka;
    private final ShopProperties properties;

    /** The controller over the shop's catalogue, orders and the bank's client. */
    public ShopController(Catalogue catalogue, OrderStore orders, TochkaClient tochka, ShopProperties properties) {
        this.catalogue = catalogue;
        this.orders = orders;
        this.tochka = tochka;
        this.properties = properties;
    }

    /** The products, each with a "Pay" button. */
    @GetMapping("/")
    public String products(Model model) {
        model.addAttribute("products", catalogue.products());
        return "products";
    }

    /**
     * Makes an order of {@code product} and its payment link, and sends the buyer to the link (303 See Other, so
     * the browser follows with a GET).
     */
    @PostMapping("/orders")
    public ResponseEntity<Void> order(@RequestParam("product") String productId) {
        Product product = catalogue
                .find(productId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no such product"));
        Order order = orders.create(product);
        String orderPage = shopUrl() + "/orders/" + order.id();
        PaymentLinkRequest request = PaymentLinkRequest.builder()
                .amount(order.amount())
                .purpose("Заказ " + order.id() + ": " + product.name())
                .paymentModes(AcquiringPaymentMode.CARD, AcquiringPaymentMode.SBP)
                // The order's id as the link's id: the webhook names it, and the SDK can find the link by it if
                // the bank's answer is lost (it never creates a second link for the same paymentLinkId).
                .paymentLinkId(order.id())
                .redirectUrl(orderPage)
                .failRedirectUrl(orderPage + "?failed")
                .build();
        CreatedPayment payment;
        try {
            payment = tochka.payments().create(request);
        } catch (TochkaException e) {
            // The message names the status and the bank's error id, never the token.
            log.warn("order {}: the payment link was not made: {}", order.id(), e.getMessage());
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "the bank is not available; try again", e);
        }
        orders.attachPayment(order.id(), payment.operationId(), payment.paymentLink());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(payment.paymentLink()))
                .build();
    }

    /**
     * The order's page, where the bank sends the buyer back ({@code failed} after a failed payment). The status is
     * the one the webhook set: a buyer back from the bank may be quicker than the webhook, so a NEW order offers to
     * look again.
     */
    @GetMapping("/orders/{id}")
    public String order(
            @PathVariable("id") String id,
            @RequestParam(name = "failed", required = false) @Nullable String failed,
            Model model) {
        Order order = orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", order);
        model.addAttribute("failed", failed != null && order.status() == OrderStatus.NEW);
        return "order";
    }

    /** The shop's own address, without a trailing slash. */
    private String shopUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
