package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.testing.TextKeys;

class MessagesTest {

    /** Dotted literals that name files, not texts. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(css|js|svg|ico|png|jte|properties)");
    /** A failure's reason, shown as {@code reason.<reason>}. */
    private static final Pattern REASON =
            Pattern.compile("(?:fail\\(ctx, payment, [^,]+|failureUrl\\(payment), \"([a-z_]+)\"\\)");

    @Test
    void russian_is_the_default_and_english_is_offered() {
        assertThat(Messages.of("checkout", "xx").lang()).isEqualTo("ru");
        assertThat(Messages.of("checkout", "ru").otherLang()).isEqualTo("en");
        assertThat(Messages.of("checkout", "en").get("choose")).isEqualTo("Choose how to pay");
    }

    @Test
    void amounts_show_every_kopeck_in_each_languages_format() {
        assertThat(Messages.of("checkout", "ru").amount(new Money(123450))).isEqualTo("1\u00a0234,50\u00a0₽");
        assertThat(Messages.of("checkout", "en").amount(new Money(123450))).isEqualTo("1,234.50 RUB");
        assertThat(Messages.of("checkout", "ru").amount(new Money(1))).isEqualTo("0,01\u00a0₽");
    }

    @Test
    void quantities_keep_every_decimal_they_have_and_no_more() {
        assertThat(Messages.of("checkout", "ru").quantity(new BigDecimal("1.500")))
                .isEqualTo("1,5");
        assertThat(Messages.of("checkout", "en").quantity(new BigDecimal("1.500")))
                .isEqualTo("1.5");
        assertThat(Messages.of("checkout", "ru").quantity(new BigDecimal("2"))).isEqualTo("2");
        assertThat(Messages.of("checkout", "ru").quantity(new BigDecimal("2.0")))
                .isEqualTo("2");
        assertThat(Messages.of("checkout", "ru").quantity(new BigDecimal("0.125")))
                .isEqualTo("0,125");
        assertThat(Messages.of("checkout", "ru").quantity(new BigDecimal("1E+3")))
                .isEqualTo("1\u00a0000");
        assertThat(Messages.of("checkout", "en").quantity(new BigDecimal("1000000")))
                .isEqualTo("1,000,000");
    }

    @Test
    void every_text_is_there_in_both_languages() {
        for (String lang : new String[] {"ru", "en"}) {
            Messages t = Messages.of("checkout", lang);
            for (String key : new String[] {
                "test.badge",
                "test.mode",
                "card.hold",
                "card.hold.note",
                "sbp.not_yet",
                "method.card",
                "method.sbp",
                "method.tinkoff",
                "method.dolyame",
                "paid.method",
                "paid.card",
                "items"
            }) {
                assertThat(t.get(key)).as("%s in %s", key, lang).isNotBlank();
            }
        }
        assertThat(Messages.of("checkout", "ru").format("card.hold", "10,00 ₽")).isEqualTo("Заблокировать 10,00 ₽");
        assertThat(Messages.of("checkout", "en").get("test.mode")).isEqualTo("Test mode: no real money moves");
    }

    /**
     * English falls back to Russian for a key it lacks (the base bundle is its parent), so a missing translation
     * would show Russian on an English page: each file must hold every key itself.
     */
    @Test
    void both_languages_have_the_same_keys() {
        Set<String> russian = TextKeys.ownKeys("/i18n/checkout.properties");
        Set<String> english = TextKeys.ownKeys("/i18n/checkout_en.properties");

        assertThat(russian).hasSizeGreaterThan(50);
        assertThat(english).as("keys of the English file").containsExactlyInAnyOrderElementsOf(russian);
    }

    /**
     * Every key the templates and the checkout's code ask for, literally or built from a payment mode, a card brand
     * or a failure's reason, is a text in both languages (a missing one would be a 500 on the page).
     */
    @Test
    void every_key_the_pages_use_is_a_text() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : TextKeys.files(Path.of("src/main/jte/checkout"), ".jte")) {
            TextKeys.collect(TextKeys.TEXT_CALL, Files.readString(template), used);
        }
        for (Path code : TextKeys.files(Path.of("src/main/java/tochka/acquiring/server/checkout"), ".java")) {
            // Messages reads the texts and names none (its bundle's name is dotted too).
            if (code.endsWith("Messages.java")) continue;
            String text = Files.readString(code);
            TextKeys.collect(TextKeys.TEXT_CALL, text, used);
            Matcher literal = TextKeys.DOTTED_LITERAL.matcher(text);
            while (literal.find()) {
                if (!FILE_NAME.matcher(literal.group(1)).matches()) used.add(literal.group(1));
            }
            Matcher reason = REASON.matcher(text);
            while (reason.find()) used.add("reason." + reason.group(1));
        }
        for (PaymentMode mode : PaymentMode.values()) {
            used.addAll(List.of("mode." + mode.code(), "mode." + mode.code() + ".hint", "method." + mode.code()));
        }
        used.addAll(List.of(
                "confirm." + PaymentMode.TINKOFF.code(),
                "confirm." + PaymentMode.DOLYAME.code(),
                "brand.VISA",
                "brand.MASTERCARD",
                "brand.MIR",
                "reason.declined"));
        // The scan finds what it is meant to: keys of templates, of code and of failure reasons.
        assertThat(used)
                .contains(
                        "bank.title",
                        "items.quantity",
                        "unknown.title",
                        "error.cvc",
                        "card.hold",
                        "reason.insufficient_funds",
                        "reason.cancelled");

        for (String file : new String[] {"/i18n/checkout.properties", "/i18n/checkout_en.properties"}) {
            assertThat(TextKeys.ownKeys(file)).as("texts of %s", file).containsAll(used);
        }
    }
}
