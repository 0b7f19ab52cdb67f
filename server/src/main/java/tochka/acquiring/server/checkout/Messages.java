package tochka.acquiring.server.checkout;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ResourceBundle;
import tochka.acquiring.server.core.Money;

/**
 * The page texts in Russian (the bank's pages' language, the default) and English, from the resource bundle
 * {@code i18n/checkout} ({@code checkout.properties} is Russian, {@code checkout_en.properties} English; UTF-8).
 */
public final class Messages {

    private static final String BUNDLE = "i18n.checkout";
    /** Russian is the bundle's base, so Russian must not fall back to the JVM's own locale (English, say). */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Messages RUSSIAN = new Messages("ru", Locale.ROOT);
    private static final Messages ENGLISH = new Messages("en", Locale.ENGLISH);

    private final String lang;
    private final ResourceBundle texts;

    private Messages(String lang, Locale locale) {
        this.lang = lang;
        this.texts = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** {@code en} for English; anything else is Russian. */
    public static Messages of(String lang) {
        return "en".equals(lang) ? ENGLISH : RUSSIAN;
    }

    public String lang() {
        return lang;
    }

    /** The language the switch offers. */
    public String otherLang() {
        return this == ENGLISH ? "ru" : "en";
    }

    public String get(String key) {
        if (!texts.containsKey(key)) throw new IllegalArgumentException("no text " + key);
        return texts.getString(key);
    }

    public String format(String key, Object... args) {
        return String.format(Locale.ROOT, get(key), args);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** {@code 1,5} in Russian, {@code 1.5} in English: a receipt quantity with every decimal it has, never rounded. */
    public String quantity(BigDecimal quantity) {
        BigDecimal exact = quantity.stripTrailingZeros();
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(this == ENGLISH ? Locale.US : Locale.ROOT);
        if (this != ENGLISH) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMaximumFractionDigits(Math.max(0, exact.scale()));
        return format.format(exact);
    }

    /** {@code 1 234,50 ₽} in Russian, {@code 1,234.50 RUB} in English: always two decimals, never rounded. */
    public String amount(Money money) {
        BigDecimal roubles = BigDecimal.valueOf(money.kopecks(), 2);
        if (this == ENGLISH)
            return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(roubles) + " RUB";
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(roubles) + "\u00a0₽";
    }
}
