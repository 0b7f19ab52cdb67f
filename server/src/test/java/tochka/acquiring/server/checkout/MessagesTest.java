package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.core.Money;


class MessagesTest {

    @Test
    void russian_is_the_default_and_english_is_offered() {
        assertThat(Messages.of("xx").lang()).isEqualTo("ru");
        assertThat(Messages.of("ru").otherLang()).isEqualTo("en");
        assertThat(Messages.of("en").get("choose")).isEqualTo("Choose how to pay");
    }

    @Test
    void amounts_show_every_kopeck_in_each_languages_format() {
        assertThat(Messages.of("ru").amount(new Money(123450))).isEqualTo("1\u00a0234,50\u00a0₽");
        assertThat(Messages.of("en").amount(new Money(123450))).isEqualTo("1,234.50 RUB");
        assertThat(Messages.of("ru").amount(new Money(1))).isEqualTo("0,01\u00a0₽");
    }

    @Test
    void quantities_keep_every_decimal_they_have_and_no_more() {
        assertThat(Messages.of("ru").quantity(new BigDecimal("1.500"))).isEqualTo("1,5");
        assertThat(Messages.of("en").quantity(new BigDecimal("1.500"))).isEqualTo("1.5");
        assertThat(Messages.of("ru").quantity(new BigDecimal("2"))).isEqualTo("2");
        assertThat(Messages.of("ru").quantity(new BigDecimal("2.0"))).isEqualTo("2");
        assertThat(Messages.of("ru").quantity(new BigDecimal("0.125"))).isEqualTo("0,125");
        assertThat(Messages.of("ru").quantity(new BigDecimal("1E+3"))).isEqualTo("1\u00a0000");
        assertThat(Messages.of("en").quantity(new BigDecimal("1000000"))).isEqualTo("1,000,000");
    }

    @Test
    void every_text_is_there_in_both_languages() {
        for (String lang : new String[] {"ru", "en"}) {
            Messages t = Messages.of(lang);
            for (String key : new String[] {"test.badge", "test.mode", "card.hold", "card.hold.note", "sbp.not_yet",
                "method.card", "method.sbp", "method.tinkoff", "method.dolyame", "paid.method", "paid.card", "items"}) {
                assertThat(t.get(key)).as("%s in %s", key, lang).isNotBlank();
            }
        }
        assertThat(Messages.of("ru").format("card.hold", "10,00 ₽")).isEqualTo("Заблокировать 10,00 ₽");
        assertThat(Messages.of("en").get("test.mode")).isEqualTo("Test mode: no real money moves");
    }
}
