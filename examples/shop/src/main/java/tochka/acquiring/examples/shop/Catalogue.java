package tochka.acquiring.examples.shop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The products on sale, kept in code: a real shop reads them from its database. */
@Component
public class Catalogue {

    private final List<Product> products = List.of(
            new Product("mug", "Кружка «Точка»", new BigDecimal("590.00")),
            new Product("stickers", "Набор наклеек", new BigDecimal("149.90")));

    /** Every product, in the order the shop shows them. */
    public List<Product> products() {
        return products;
    }

    /** The product with this id, if the shop sells it. */
    public Optional<Product> find(String id) {
        return products.stream().filter(product -> product.id().equals(id)).findFirst();
    }
}
