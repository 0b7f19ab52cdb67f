package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parses_roubles_into_kopecks_exactly() {
        assertThat(Money.ofRoubles(new BigDecimal("10")).kopecks()).isEqualTo(1000);
        assertThat(Money.ofRoubles(new BigDecimal("0.33")).kopecks()).isEqualTo(33);
        assertThat(Money.ofRoubles(new BigDecimal("1234.50")).kopecks()).isEqualTo(123450);
        assertThat(Money.ofRoubles(new BigDecimal("10.100")).kopecks())
                .as("trailing zeros are exact")
                .isEqualTo(1010);
        assertThat(Money.ofRoubles(new BigDecimal("1E+3")).kopecks()).isEqualTo(100000);
    }

    @Test
    void rejects_sub_kopeck_precision_instead_of_rounding() {
        assertThatThrownBy(() -> Money.ofRoubles(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofRoubles(new BigDecimal("1e400"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void zero_and_negative_amounts_are_amounts() {
        assertThat(Money.ofRoubles(BigDecimal.ZERO)).isEqualTo(Money.ZERO);
        assertThat(Money.ofRoubles(new BigDecimal("-0.01")).kopecks()).isEqualTo(-1);
        assertThat(new Money(-150).roubles().toPlainString()).isEqualTo("-1.5");
        assertThat(new Money(-1)).isLessThan(Money.ZERO);
    }

    @Test
    void formats_roubles_without_trailing_zeros_or_exponents() {
        assertThat(new Money(1000).roubles().toPlainString()).isEqualTo("10");
        assertThat(new Money(1050).roubles().toPlainString()).isEqualTo("10.5");
        assertThat(new Money(33).roubles().toPlainString()).isEqualTo("0.33");
        assertThat(new Money(0).roubles().toPlainString()).isEqualTo("0");
        assertThat(new Money(100000).roubles().toString()).isEqualTo("1000");
    }

    @Test
    void arithmetic_is_exact_and_may_go_below_zero() {
        assertThat(new Money(70).plus(new Money(30))).isEqualTo(new Money(100));
        assertThat(new Money(10).minus(new Money(11))).isEqualTo(new Money(-1));
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE).minus(new Money(1))).isInstanceOf(ArithmeticException.class);
    }
}
