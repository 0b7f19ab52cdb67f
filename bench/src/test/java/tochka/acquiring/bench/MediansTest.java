package tochka.acquiring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void the_median_of_an_odd_count_is_the_middle_value() {
        assertThat(Medians.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Medians.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void the_median_round_is_the_one_whose_value_is_the_median() {
        assertThat(Medians.medianIndex(List.of(900.0, 1100.0, 1000.0))).isEqualTo(2);
        assertThat(Medians.medianIndex(List.of(5.0))).isZero();
    }

    @Test
    void ratios_are_taken_per_round_then_their_median() {
        // Rounds 1,2,3: ours 100, 200, 300 against 100, 100, 600: ratios 1, 2, 0.5, median 1. The ratio of the
        // medians would say 200 / 100 = 2: a noisy round of one side alone would decide it.
        assertThat(Medians.medianRatio(List.of(100.0, 200.0, 300.0), List.of(100.0, 100.0, 600.0)))
                .isEqualTo(1.0);
    }

    @Test
    void ratios_need_the_same_rounds_on_both_sides() {
        assertThatThrownBy(() -> Medians.medianRatio(List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Medians.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
