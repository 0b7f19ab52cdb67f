package tochka.acquiring.server.checkout;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tochka.acquiring.server.core.Money;

/** The page texts in Russian (the bank's pages' language, the default) and English. */
public final class Messages {

    private static final String[][] TEXTS = {
        // key, Russian, English
        {"title.order", "Оплата заказа", "Order payment"},
        {"seller", "Продавец", "Seller"},
        {"order.number", "Номер заказа", "Order number"},
        {"description", "Описание", "Description"},
        {"amount", "Сумма заказа", "Order amount"},
        {"choose", "Выберите способ оплаты", "Choose how to pay"},
        {"mode.card", "Оплатить картой", "Pay by card"},
        {"mode.card.hint", "Visa, Mastercard, Мир", "Visa, Mastercard, Мир"},
        {"mode.sbp", "Оплатить по QR-коду", "Pay by QR code"},
        {"mode.sbp.hint", "Через СБП", "With SBP, the Faster Payments System"},
        {"mode.tinkoff", "Оплатить через T-Pay", "Pay with T-Pay"},
        {"mode.tinkoff.hint", "В приложении Т-Банка", "In the T-Bank app"},
        {"mode.dolyame", "Оплатить Долями", "Pay with Dolyame"},
        {"mode.dolyame.hint", "Четыре платежа без переплаты", "Four instalments, no extra cost"},
        {"lang.switch", "English", "Русский"},
        {"test.badge", "ТЕСТ", "TEST"},
        {"test.mode", "Тестовый режим: деньги не списываются", "Test mode: no real money moves"},
        {"items", "Состав заказа", "Order items"},
        {"items.name", "Товар", "Item"},
        {"items.quantity", "Кол-во", "Qty"},
        {"items.price", "Цена", "Price"},
        {"items.total", "Сумма", "Total"},
        {"card.title", "Оплата картой", "Card payment"},
        {"card.number", "Номер карты", "Card number"},
        {"card.expiry", "Срок действия", "Expiry date"},
        {"card.month", "ММ", "MM"},
        {"card.year", "ГГ", "YY"},
        {"card.cvc", "CVC2/CVV2", "CVC2/CVV2"},
        {"card.email", "Куда отправить чек?", "Where shall we send the receipt?"},
        {"card.email.placeholder", "Электронная почта", "E-mail"},
        {"card.pay", "Оплатить", "Pay"},
        {"card.hold", "Заблокировать %s", "Hold %s"},
        {"card.hold.note",
            "Сумма будет заблокирована на карте, пока магазин не подтвердит заказ; тогда она и спишется.",
            "The amount will be held on your card until the shop confirms the order, and taken then."},
        {"back", "Выбрать другой способ оплаты", "Choose another way to pay"},
        {"error.number.required", "Введите номер карты", "Enter the card number"},
        {"error.number.invalid", "Неверный номер карты", "This card number is not valid"},
        {"error.number.brand", "Принимаются карты Visa, Mastercard и Мир",
            "Only Visa, Mastercard and Мир cards are accepted"},
        {"error.expiry.invalid", "Введите месяц и год, как на карте", "Enter the month and year as on the card"},
        {"error.expiry.past", "Срок действия карты истёк", "This card has expired"},
        {"error.cvc", "CVC — три цифры на обороте карты", "The CVC is the three digits on the back of the card"},
        {"error.email", "Неверный адрес электронной почты", "This e-mail address is not valid"},
        {"threeds.title", "Подтверждение покупки", "Confirm your purchase"},
        {"threeds.text", "Банк, выпустивший карту %s, отправил вам код в SMS.",
            "The bank that issued card %s has sent you a code by SMS."},
        {"threeds.hint", "Тестовый код: 1234", "Test code: 1234"},
        {"threeds.code", "Код из SMS", "Code from the SMS"},
        {"threeds.submit", "Подтвердить", "Confirm"},
        {"sbp.title", "Оплата через СБП", "Pay with SBP"},
        {"sbp.scan", "Отсканируйте QR-код камерой смартфона и подтвердите оплату в приложении банка",
            "Scan the QR code with your phone's camera and confirm the payment in your bank's app"},
        {"sbp.qr", "QR-код для оплаты через СБП", "QR code to pay with SBP"},
        {"sbp.open", "Открыть в приложении банка", "Open in the bank app"},
        {"sbp.waiting", "Ждём оплату…", "Waiting for the payment…"},
        {"sbp.check", "Я оплатил — проверить", "I have paid: check"},
        {"sbp.not_yet", "Оплата ещё не поступила. Подтвердите её в приложении банка — страница сама перейдёт дальше.",
            "The payment has not arrived yet. Confirm it in your bank's app: this page will move on by itself."},
        {"confirm.tinkoff", "Оплата через T-Pay", "Pay with T-Pay"},
        {"confirm.dolyame", "Оплата Долями", "Pay with Dolyame"},
        {"confirm.text", "Подтвердите оплату %s.", "Confirm the payment of %s."},
        {"confirm.pay", "Подтвердить оплату", "Confirm payment"},
        {"confirm.cancel", "Отмена", "Cancel"},
        {"success.title", "Оплата прошла", "Payment successful"},
        {"success.text", "Заказ оплачен. Страницу можно закрыть.", "The order is paid. You may close this page."},
        {"authorized.text", "Сумма заблокирована на карте; продавец спишет её, когда подтвердит заказ.",
            "The amount is held on your card; the seller will take it once the order is confirmed."},
        {"continue", "Вернуться в магазин", "Back to the shop"},
        {"paid.method", "Способ оплаты", "Paid with"},
        {"paid.card", "Карта", "Card"},
        {"method.card", "Банковская карта", "Bank card"},
        {"method.sbp", "СБП", "SBP"},
        {"method.tinkoff", "T-Pay", "T-Pay"},
        {"method.dolyame", "Долями", "Dolyame"},
        {"brand.VISA", "Visa", "Visa"},
        {"brand.MASTERCARD", "Mastercard", "Mastercard"},
        {"brand.MIR", "Мир", "Мир"},
        {"failure.title", "Оплата не прошла", "Payment failed"},
        {"failure.retry", "Попробовать ещё раз", "Try again"},
        {"reason.insufficient_funds", "Недостаточно средств на карте. Деньги не списаны.",
            "Insufficient funds on the card. Nothing was charged."},
        {"reason.stolen_card", "Карта заблокирована банком, который её выпустил.",
            "The card is blocked by the bank that issued it."},
        {"reason.processor_timeout", "Банк не ответил вовремя. Деньги не списаны — попробуйте ещё раз.",
            "The bank did not answer in time. Nothing was charged; please try again."},
        {"reason.three_ds_failed", "Неверный код подтверждения. Деньги не списаны.",
            "Wrong confirmation code. Nothing was charged."},
        {"reason.cancelled", "Оплата отменена.", "The payment was cancelled."},
        {"reason.declined", "Платёж отклонён.", "The payment was declined."},
        {"expired.title", "Срок действия ссылки истёк", "This payment link has expired"},
        {"expired.text", "Попросите продавца прислать новую ссылку.", "Ask the seller for a new link."},
        {"paid.title", "Заказ уже оплачен", "This order is already paid"},
        {"paid.text", "Повторно оплачивать не нужно.", "There is nothing more to pay."},
        {"unknown.title", "Ссылка не найдена", "Payment link not found"},
        {"unknown.text", "Проверьте адрес ссылки.", "Check the link's address."},
        {"session.title", "Время на оплату истекло", "The time to pay has run out"},
        {"session.text", "Страница была открыта больше часа назад. Откройте ссылку заново.",
            "This page was opened more than an hour ago. Open the link again."},
        {"session.reopen", "Открыть ссылку заново", "Open the link again"},
        {"form.title", "Форма устарела", "This form is out of date"},
        {"form.text", "Откройте страницу оплаты снова и повторите.", "Open the payment page again and retry."},
        {"mode.unavailable", "Этот способ оплаты недоступен для заказа", "This way to pay is not available for this order"},
        {"bank.title", "Приложение банка", "Bank app"},
        {"bank.payee", "Получатель", "Payee"},
        {"bank.purpose", "Назначение", "Purpose"},
        {"bank.pay", "Оплатить", "Pay"},
        {"bank.cancel", "Отменить", "Cancel"},
        {"bank.paid", "Платёж выполнен", "Payment sent"},
        {"bank.cancelled", "Платёж отменён", "Payment cancelled"},
        {"bank.expired", "QR-код больше не действует", "This QR code is no longer valid"},
    };

    private static final Messages RUSSIAN = new Messages("ru", 1);
    private static final Messages ENGLISH = new Messages("en", 2);

    private final String lang;
    private final Map<String, String> texts = new HashMap<>();

    private Messages(String lang, int column) {
        this.lang = lang;
        for (String[] row : TEXTS) texts.put(row[0], row[column]);
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
        String text = texts.get(key);
        if (text == null) throw new IllegalArgumentException("no text " + key);
        return text;
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
        if (this == ENGLISH) return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US))
                .format(roubles) + " RUB";
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(roubles) + "\u00a0₽";
    }
}
