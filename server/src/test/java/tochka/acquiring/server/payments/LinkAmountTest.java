package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LinkAmountTest {

    @Test
    void parses_wire_roubles_into_kopecks_exactly() {
        assertThat(LinkAmount.parse(new BigDecimal("10")).kopecks()).isEqualTo(1000);
        assertThat(LinkAmount.parse(new BigDecimal("0.33")).kopecks()).isEqualTo(33);
        assertThat(LinkAmount.parse(new BigDecimal("10.100")).kopecks())
                .as("trailing zeros are exact")
                .isEqualTo(1010);
        assertThat(LinkAmount.parse(new BigDecimal("1E+3")).kopecks()).isEqualTo(100000);
    }

    @Test
    void rejects_sub_kopeck_precision_instead_of_rounding() {
        assertThatThrownBy(() -> LinkAmount.parse(new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must have at most 2 decimal places, got 1.005");
    }

    @Test
    void rejects_zero_negative_and_amounts_above_the_maximum() {
        assertThatThrownBy(() -> LinkAmount.parse(BigDecimal.ZERO)).hasMessage("must be greater than 0, got 0");
        assertThatThrownBy(() -> LinkAmount.parse(new BigDecimal("-0.01")))
                .hasMessage("must be greater than 0, got -0.01");
        assertThatThrownBy(() -> LinkAmount.parse(new BigDecimal("100000000.01")))
                .hasMessage("must not exceed 100000000, got 100000000.01");
        assertThatThrownBy(() -> LinkAmount.parse(new BigDecimal("1e400"))).hasMessageStartingWith("must not exceed");
        assertThat(LinkAmount.parse(new BigDecimal("100000000"))).isEqualTo(LinkAmount.MAX);
    }
}
