package tochka.acquiring.server.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.server.core.Money;

/**
 * One item of a link's receipt as the order summary shows it: the unit price ({@code amount} on the wire), the
 * quantity (up to three decimals: 1.5 kg) and their product.
 */
record ReceiptLine(String name, BigDecimal quantity, Money price, Money total) {

    static ReceiptLine of(ReceiptItem item) {
        Money price = Money.ofRoubles(item.amount());
        return new ReceiptLine(item.name(), item.quantity(), price, total(price, item.quantity()));
    }

    /**
     * Price times quantity. A fractional quantity can leave a fraction of a kopeck (10.01 x 0.333 = 3.33333): the
     * line shows it rounded half-up to the kopeck, as a fiscal receipt prints it. The link's amount is not computed
     * here; the API already checked that the exact products add up to it.
     */
    static Money total(Money price, BigDecimal quantity) {
        return new Money(BigDecimal.valueOf(price.kopecks())
                .multiply(quantity)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }
}
