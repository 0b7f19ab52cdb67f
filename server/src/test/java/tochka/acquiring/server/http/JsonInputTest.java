package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonInputTest {

    @Test
    void ordinary_numbers_pass() {
        for (String text :
                new String[] {"10", "10.5", "-0", "1e2", "1E-999", "0.001", "123456789012345678901234567890"}) {
            assertThat(JsonInput.numberProblem(text)).as(text).isNull();
        }
    }

    @Test
    void huge_exponents_and_long_numbers_are_refused_quoting_a_short_prefix() {
        assertThat(JsonInput.numberProblem("1e999999999")).contains("exponent").contains("'1e999999999'");
        assertThat(JsonInput.numberProblem("1e-2147483648")).contains("exponent");
        assertThat(JsonInput.numberProblem("1e1000")).contains("exponent");
        assertThat(JsonInput.numberProblem("1e400")).isNull();
        assertThat(JsonInput.numberProblem("1e0099")).isNull();
        assertThat(JsonInput.numberProblem("9".repeat(100_000)))
                .contains("at most 40 characters")
                .hasSizeLessThan(200);
    }

    @Test
    void nul_and_lone_surrogates_are_refused_but_pairs_pass() {
        assertThat(JsonInput.textProblem("a\u0000b")).contains("NUL");
        assertThat(JsonInput.textProblem("a\ud800")).contains("surrogate");
        assertThat(JsonInput.textProblem("\udc00a")).contains("surrogate");
        assertThat(JsonInput.textProblem("😀 платёж")).isNull();
    }
}
