package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.CreatePaymentRequest;


class JsonTest {

    private final ObjectMapper json = Json.create();

    @Test
    void numeric_strings_are_accepted_where_the_spec_has_a_number() throws Exception {
        var request = json.readValue("{\"amount\": \"10\", \"ttl\": \"60\", \"unknown\": 1}", CreatePaymentRequest.class);

        assertThat(request.amount()).isEqualByComparingTo("10");
        assertThat(request.ttl()).isEqualTo(60);
    }

    @Test
    void nothing_is_truncated_or_guessed() {
        assertThatThrownBy(() -> json.readValue("{\"ttl\": 5.5}", CreatePaymentRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("from Floating-point value").hasMessageContaining("[\"ttl\"]");
        assertThatThrownBy(() -> json.readValue("{\"purpose\": 5}", CreatePaymentRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("Cannot coerce Integer value (5)").hasMessageContaining("[\"purpose\"]");
        assertThatThrownBy(() -> json.readValue("{\"saveCard\": 1}", CreatePaymentRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("Cannot coerce Integer value (1)").hasMessageContaining("[\"saveCard\"]");
        assertThatThrownBy(() -> json.readValue("{\"paymentMode\": [0]}", CreatePaymentRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("from number 0").hasMessageContaining("[\"paymentMode\"]");
        assertThatThrownBy(() -> json.readValue("{\"amount\": false}", CreatePaymentRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("from Boolean value").hasMessageContaining("[\"amount\"]");
    }

    @Test
    void decimals_are_written_plain_and_enums_in_the_banks_spelling() throws Exception {
        assertThat(json.writeValueAsString(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(json.writeValueAsString(AcquiringPaymentStatus.ON_REFUND)).isEqualTo("\"ON-REFUND\"");
    }
}
