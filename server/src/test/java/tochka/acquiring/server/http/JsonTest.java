package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.CreatePaymentRequest;

class JsonTest {

    private final ObjectMapper json = Json.create();

    @Test
    void numeric_strings_are_accepted_where_the_spec_has_a_number() throws Exception {
        var request =
                json.readValue("{\"amount\": \"10\", \"ttl\": \"60\", \"unknown\": 1}", CreatePaymentRequest.class);

        assertThat(request.amount()).isEqualByComparingTo("10");
        assertThat(request.ttl()).isEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"ttl": 5.5}          | from Floating-point value       | ["ttl"]
            {"purpose": 5}        | Cannot coerce Integer value (5) | ["purpose"]
            {"saveCard": 1}       | Cannot coerce Integer value (1) | ["saveCard"]
            {"paymentMode": [0]}  | from number 0                   | ["paymentMode"]
            {"amount": false}     | from Boolean value              | ["amount"]
            """)
    void nothing_is_truncated_or_guessed(String body, String refusal, String field) {
        assertThatThrownBy(() -> json.readValue(body, CreatePaymentRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining(refusal)
                .hasMessageContaining(field);
    }

    @Test
    void decimals_are_written_plain_and_enums_in_the_banks_spelling() throws Exception {
        assertThat(json.writeValueAsString(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(json.writeValueAsString(AcquiringPaymentStatus.ON_REFUND)).isEqualTo("\"ON-REFUND\"");
    }
}
