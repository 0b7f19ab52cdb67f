package tochka.acquiring.server.console;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Money;

/**
 * An amount of roubles typed in a console form ({@code 123.45}, {@code 123,45}, {@code 1 234,5}), read exactly:
 * at most two decimals, never rounded, more than zero and at most {@code max}. What is wrong with it is the key of
 * a text in the console's bundle, so the form can say it in the page's language.
 */
record AmountInput(@Nullable Money amount, @Nullable String problemKey) {

    /** The longest text read: more is not an amount anyone types. */
    static final int MAX_CHARS = 32;

    /** Whole roubles of at most 12 digits (more is far beyond any payment), and any decimals, judged below. */
    private static final Pattern ROUBLES = Pattern.compile("([0-9]{1,15})(?:[.,]([0-9]{1,15}))?");

    static AmountInput parse(@Nullable String text, Money max) {
        if (text == null || text.isBlank()) return problem("payments.amount.missing");
        if (text.length() > MAX_CHARS) return problem("payments.amount.not-a-number");
        // Spaces group thousands as Russian writes them ("1 234,50"), the no-break ones too.
        String plain = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        Matcher matcher = ROUBLES.matcher(plain);
        if (!matcher.matches()) return problem("payments.amount.not-a-number");
        String decimals = matcher.group(2);
        if (decimals != null && decimals.length() > 2) return problem("payments.amount.decimals");
        if (matcher.group(1).length() > 12) return problem("payments.amount.too-much");
        Money amount = Money.ofRoubles(new BigDecimal(matcher.group(1) + (decimals == null ? "" : "." + decimals)));
        if (amount.isZero()) return problem("payments.amount.zero");
        if (amount.compareTo(max) > 0) return problem("payments.amount.too-much");
        return new AmountInput(amount, null);
    }

    /** {@code amount} as the form shows it in {@code lang}: {@code 1234.50}, or {@code 1234,50} in Russian. */
    static String shown(Money amount, String lang) {
        String plain = BigDecimal.valueOf(amount.kopecks(), 2).toPlainString();
        return "en".equals(lang) ? plain : plain.replace('.', ',');
    }

    private static AmountInput problem(String key) {
        return new AmountInput(null, key);
    }
}
