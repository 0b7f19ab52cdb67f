package tochka.acquiring.server.http;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import tochka.acquiring.server.core.Money;

/**
 * A set of pages' texts in Russian (the bank's pages' language, the default) and English, from a resource bundle
 * under {@code i18n/}: {@code checkout.properties} is the checkout's Russian, {@code checkout_en.properties} its
 * English (UTF-8); the console has its own pair.
 */
public final class Messages {

    /** Russian is the bundle's base, so Russian must not fall back to the JVM's own locale (English, say). */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String bundle;
    private final String lang;
    private final ResourceBundle texts;

    private Messages(String bundle, String lang) {
        this.bundle = bundle;
        this.lang = lang;
        this.texts = ResourceBundle.getBundle(
                "i18n." + bundle, "en".equals(lang) ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    /** The texts of {@code bundle} ({@code checkout}, {@code console}): {@code en} for English, else Russian. */
    public static Messages of(String bundle, String lang) {
        String chosen = "en".equals(lang) ? "en" : "ru";
        return LOADED.computeIfAbsent(bundle + "_" + chosen, unused -> new Messages(bundle, chosen));
    }

    public String lang() {
        return lang;
    }

    /** The language the switch offers. */
    public String otherLang() {
        return isEnglish() ? "ru" : "en";
    }

    private boolean isEnglish() {
        return lang.equals("en");
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
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(isEnglish() ? Locale.US : Locale.ROOT);
        if (!isEnglish()) {
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
        if (isEnglish())
            return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(roubles) + " RUB";
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(roubles) + "\u00a0₽";
    }
}
