package tochka.acquiring.examples.shop;

import java.math.BigDecimal;
import java.util.Objects;

/** A product for sale: its id in URLs and forms, its name, and its price in roubles (exact, two decimal places). */
public record Product(String id, String name, BigDecimal price) {

    /** A product; the price must be positive whole kopecks, as the bank takes it. */
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("price must be positive whole kopecks: " + price.toPlainString());
        }
        price = price.setScale(2);
    }
}
