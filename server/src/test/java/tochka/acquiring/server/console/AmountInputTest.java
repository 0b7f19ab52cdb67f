package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tochka.acquiring.server.core.Money;

class AmountInputTest {

    private static final Money MAX = new Money(100_000); // 1 000,00

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "123.45     | 12345",
                "123,45     | 12345",
                "123,4      | 12340",
                "1000       | 100000",
                "' 1 000,00 ' | 100000",
                "0.01       | 1",
                "007        | 700",
            })
    void an_amount_is_read_exactly_with_a_dot_or_a_comma(String typed, long kopecks) {
        AmountInput input = AmountInput.parse(typed, MAX);

        assertThat(input.problemKey()).isNull();
        assertThat(input.amount()).isEqualTo(new Money(kopecks));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                   | payments.amount.missing",
                "'   '                | payments.amount.missing",
                "0                    | payments.amount.zero",
                "0,00                 | payments.amount.zero",
                "1000.01              | payments.amount.too-much",
                "999999999999         | payments.amount.too-much",
                "9999999999999        | payments.amount.too-much",
                "1.234                | payments.amount.decimals",
                "1.                   | payments.amount.not-a-number",
                ",5                   | payments.amount.not-a-number",
                "-5                   | payments.amount.not-a-number",
                "1e3                  | payments.amount.not-a-number",
                "10 руб               | payments.amount.not-a-number",
                "１０                  | payments.amount.not-a-number",
                "1.2.3                | payments.amount.not-a-number",
                "99999999999999999999 | payments.amount.not-a-number",
            })
    void a_bad_amount_names_its_problem(String typed, String problem) {
        AmountInput input = AmountInput.parse(typed, MAX);

        assertThat(input.amount()).isNull();
        assertThat(input.problemKey()).isEqualTo(problem);
    }

    @org.junit.jupiter.api.Test
    void the_form_shows_an_amount_in_the_pages_language() {
        assertThat(AmountInput.shown(new Money(123_450), "ru")).isEqualTo("1234,50");
        assertThat(AmountInput.shown(new Money(5), "en")).isEqualTo("0.05");
    }
}
