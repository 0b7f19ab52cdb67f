package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.server.core.Money;

class ReceiptLineTest {

    private static ReceiptItem item(String name, String price, String quantity) {
        return new ReceiptItem(null, name, new BigDecimal(price), new BigDecimal(quantity), null, null, null, null);
    }

    @Test
    void a_line_is_its_price_times_its_quantity_to_the_kopeck() {
        ReceiptLine line = ReceiptLine.of(item("Чай", "500.25", "2"));

        assertThat(line.name()).isEqualTo("Чай");
        assertThat(line.price()).isEqualTo(new Money(50_025));
        assertThat(line.total()).isEqualTo(new Money(100_050));
    }

    @Test
    void a_fractional_quantity_is_exact_when_it_can_be() {
        assertThat(ReceiptLine.of(item("Сыр", "1000.00", "0.8")).total()).isEqualTo(new Money(80_000));
        assertThat(ReceiptLine.of(item("Мёд", "350.40", "2.5")).total()).isEqualTo(new Money(87_600));
    }

    @Test
    void a_fraction_of_a_kopeck_is_rounded_half_up() {
        // 10.01 x 0.333 = 3.33333; 0.05 x 1.5 = 0.075; 0.01 x 0.5 = 0.005
        assertThat(ReceiptLine.total(new Money(1001), new BigDecimal("0.333"))).isEqualTo(new Money(333));
        assertThat(ReceiptLine.total(new Money(5), new BigDecimal("1.5"))).isEqualTo(new Money(8));
        assertThat(ReceiptLine.total(new Money(1), new BigDecimal("0.5"))).isEqualTo(new Money(1));
        assertThat(ReceiptLine.total(new Money(1), new BigDecimal("0.499"))).isEqualTo(new Money(0));
    }
}
