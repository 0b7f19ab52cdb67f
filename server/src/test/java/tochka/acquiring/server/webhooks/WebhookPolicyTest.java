package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {

    @Test
    void the_banks_schedule_is_thirty_attempts_ten_seconds_apart() {
        assertThat(WebhookPolicy.BANK.attempts()).isEqualTo(30);
        assertThat(WebhookPolicy.BANK.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookPolicy.BANK.delayAfter(29)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_exponential_schedule_doubles_up_to_its_ceiling() {
        var policy = new WebhookPolicy(
                50, Duration.ofSeconds(10), true, Duration.ofMinutes(5), Duration.ofSeconds(5), List.of());

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(49)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nonsense_is_refused() {
        assertThatThrownBy(() -> new WebhookPolicy(
                        0, Duration.ofSeconds(1), false, Duration.ofSeconds(1), Duration.ofSeconds(1), List.of()))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> new WebhookPolicy(
                        1, Duration.ofSeconds(10), true, Duration.ofSeconds(1), Duration.ofSeconds(1), List.of()))
                .hasMessageContaining("maxInterval");
    }
}
