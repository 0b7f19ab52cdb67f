package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardFormTest {

    private static final YearMonth TODAY = YearMonth.of(2026, 11);

    private static CardForm form(String number, String month, String year, String cvc, String email) {
        return CardForm.of(number, month, year, cvc, email);
    }

    @Test
    void a_valid_card_has_no_problems_and_is_kept_only_masked() {
        CardForm form = form("4111 1111 1111 1111", "12", "30", "123", "buyer@example.com");

        assertThat(form.problems(TODAY)).isEmpty();
        assertThat(form.masked().mask()).isEqualTo("411111******1111");
        assertThat(form.masked().brand()).isEqualTo("VISA");
        assertThat(form.toString()).doesNotContain("4111111111111111").doesNotContain("123]");
    }

    @ParameterizedTest(name = "CVC ''{0}''")
    @ValueSource(strings = {"", "1", "12", "1234", "12a", "a23", "1 3", "١٢٣"})
    void a_cvc_that_is_not_three_digits_is_refused_and_only_the_cvc(String cvc) {
        assertThat(form("4111 1111 1111 1111", "12", "30", cvc, "").problems(TODAY))
                .containsExactly(Map.entry("cvc", "error.cvc"));
    }

    @ParameterizedTest(name = "CVC {0}")
    @ValueSource(strings = {"000", "123", "987", " 987 "})
    void any_three_digits_are_a_right_cvc_and_the_cvc_is_never_printed(String cvc) {
        CardForm form = form("4111 1111 1111 1111", "12", "30", cvc, "");

        assertThat(form.problems(TODAY)).isEmpty();
        assertThat(form.toString()).doesNotContain(cvc.strip()).contains("cvc=<hidden>");
    }

    @Test
    void the_number_is_shown_again_in_groups_of_four_however_it_was_typed() {
        assertThat(form("4111-1111 11111111", "12", "30", "123", "").groupedNumber())
                .isEqualTo("4111 1111 1111 1111");
        assertThat(form("2200000000000004", "12", "30", "123", "").groupedNumber())
                .isEqualTo("2200 0000 0000 0004");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty number        |                      | 12 | 30   | 123 |                 | number | error.number.required
            bad Luhn            | 4111 1111 1111 1112  | 12 | 30   | 123 |                 | number | error.number.invalid
            too short           | 4111 1111 111        | 12 | 30   | 123 |                 | number | error.number.invalid
            letters             | 4111 1111 1111 111a  | 12 | 30   | 123 |                 | number | error.number.invalid
            unaccepted brand    | 3782 822463 10005    | 12 | 30   | 123 |                 | number | error.number.brand
            past expiry         | 4111 1111 1111 1111  | 10 | 26   | 123 |                 | expiry | error.expiry.past
            month 13            | 4111 1111 1111 1111  | 13 | 30   | 123 |                 | expiry | error.expiry.invalid
            three-digit year    | 4111 1111 1111 1111  | 12 | 203  | 123 |                 | expiry | error.expiry.invalid
            short CVC           | 4111 1111 1111 1111  | 12 | 30   | 12  |                 | cvc    | error.cvc
            letters in CVC      | 4111 1111 1111 1111  | 12 | 30   | 12a |                 | cvc    | error.cvc
            bad e-mail          | 4111 1111 1111 1111  | 12 | 30   | 123 | buyer@          | email  | error.email
            """)
    void each_mistake_is_reported_on_its_field(
            String name, String number, String month, String year, String cvc, String email, String field, String key) {
        assertThat(form(number, month, year, cvc, email).problems(TODAY))
                .containsEntry(field, key)
                .hasSize(1);
    }

    @Test
    void the_current_month_is_still_valid_and_four_digit_years_are_accepted() {
        assertThat(form("5555555555554444", "11", "2026", "123", "").problems(TODAY))
                .isEmpty();
        assertThat(form("2200000000000004", "1", "27", "000", "").problems(TODAY))
                .isEmpty();
    }

    @Test
    void brands_follow_the_number_prefixes() {
        assertThat(CardProcessor.brand("4111111111111111")).contains("VISA");
        assertThat(CardProcessor.brand("5555555555554444")).contains("MASTERCARD");
        assertThat(CardProcessor.brand("2221000000000009")).contains("MASTERCARD");
        assertThat(CardProcessor.brand("2200000000000004")).contains("MIR");
        assertThat(CardProcessor.brand("378282246310005")).isEmpty();
    }

    @Test
    void test_cards_decide_the_processors_answer() {
        assertThat(CardProcessor.authorize("4111111111111111")).isEqualTo(CardProcessor.Outcome.APPROVED);
        assertThat(CardProcessor.authorize("4000000000009995")).isEqualTo(CardProcessor.Outcome.INSUFFICIENT_FUNDS);
        assertThat(CardProcessor.authorize("4000000000009979")).isEqualTo(CardProcessor.Outcome.STOLEN_CARD);
        assertThat(CardProcessor.authorize("4000000000003220")).isEqualTo(CardProcessor.Outcome.THREE_DS_REQUIRED);
        assertThat(CardProcessor.authorize("4000000000000119")).isEqualTo(CardProcessor.Outcome.PROCESSOR_TIMEOUT);
        for (String testCard : new String[] {
            "4000000000009995", "4000000000009979", "4000000000003220", "4000000000000119", "2200000000000004"
        }) {
            assertThat(CardProcessor.luhn(testCard)).as(testCard).isTrue();
        }
    }
}
