package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tochka.acquiring.server.domain.Money;

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
}
