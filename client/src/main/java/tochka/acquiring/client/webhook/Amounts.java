package tochka.acquiring.client.webhook;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Webhook amounts, roubles as the bank writes them ({@code "0.33"}): a plain decimal of bounded length, parsed
 * exactly. Exponents are refused, so that {@code 1e999999} cannot turn into a number nobody can print or add.
 */
final class Amounts {

    /** Far above any amount a payment can have, yet small enough for any arithmetic. */
    static final int MAX_CHARS = 40;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private Amounts() {}

    /**
     * {@code text} as an exact decimal.
     *
     * @throws IllegalArgumentException saying why it is not an amount (without echoing a long text)
     */
    static BigDecimal parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("has " + text.length() + " characters, more than " + MAX_CHARS);
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "is " + Texts.quoted(text) + ", not a plain decimal number of roubles like 0.33");
        }
        return new BigDecimal(text);
    }

    /**
     * A JSON number's exact value, held to the same rules: no exponent left in it, at most {@link #MAX_CHARS}
     * characters written out.
     */
    static BigDecimal check(BigDecimal value) {
        // A negative scale is what an exponent such as 1e999999 leaves; checking it first keeps toPlainString cheap.
        if (value.scale() < 0 || value.precision() > MAX_CHARS || value.scale() > MAX_CHARS) {
            throw new IllegalArgumentException("is a number written with an exponent or too many digits");
        }
        return parse(value.toPlainString());
    }

    /** How {@code amount} appears in the bank's claims: a plain decimal string. */
    static String format(BigDecimal amount) {
        return amount.toPlainString();
    }
}
