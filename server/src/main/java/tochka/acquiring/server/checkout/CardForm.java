package tochka.acquiring.server.checkout;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.payments.EmailAddress;
import tochka.acquiring.server.payments.MaskedCard;

/**
 * The card form as submitted: number, expiry month and year, CVC and an optional e-mail for the receipt. The number
 * and the CVC live only in this object for the length of one request; they are never stored or logged. The CVC is
 * never echoed; the number only into the form shown again after a mistake in another field.
 */
record CardForm(String number, String month, String year, String cvc, String email) {

    /** Reads the form, keeping only digits of the number (buyers type spaces) and trimming the rest. */
    static CardForm of(
            @Nullable String number,
            @Nullable String month,
            @Nullable String year,
            @Nullable String cvc,
            @Nullable String email) {
        return new CardForm(digits(number), trim(month), trim(year), trim(cvc), trim(email));
    }

    /** Every field's problem as a message key of {@link Messages}, in form order; empty when the form is valid. */
    Map<String, String> problems(YearMonth today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (number.isEmpty()) problems.put("number", "error.number.required");
        else if (!number.matches("\\d{13,19}") || !CardProcessor.luhn(number)) {
            problems.put("number", "error.number.invalid");
        } else if (CardProcessor.brand(number).isEmpty()) problems.put("number", "error.number.brand");
        YearMonth expiry = expiry();
        if (expiry == null) problems.put("expiry", "error.expiry.invalid");
        else if (expiry.isBefore(today)) problems.put("expiry", "error.expiry.past");
        if (!cvc.matches("\\d{3}")) problems.put("cvc", "error.cvc");
        if (!email.isEmpty() && !EmailAddress.isValid(email)) {
            problems.put("email", "error.email");
        }
        return problems;
    }

    /**
     * The number as the buyer would type it, in groups of four, for the form shown again after a mistake elsewhere.
     * It goes only into that page (sent with {@code Cache-Control: no-store}), never into storage or the log.
     */
    String groupedNumber() {
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    /** The card as kept with the payment; only for a valid form. */
    MaskedCard masked() {
        return MaskedCard.of(number, CardProcessor.brand(number).orElseThrow());
    }

    private @Nullable YearMonth expiry() {
        if (!month.matches("\\d{1,2}") || !year.matches("\\d{2}|\\d{4}")) return null;
        int monthNumber = Integer.parseInt(month);
        if (monthNumber < 1 || monthNumber > 12) return null;
        int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
        return YearMonth.of(fullYear, monthNumber);
    }

    private static String digits(@Nullable String value) {
        return value == null ? "" : value.replaceAll("[\\s-]", "");
    }

    private static String trim(@Nullable String value) {
        if (value == null) return "";
        String trimmed = value.strip();
        return trimmed.length() > 300 ? trimmed.substring(0, 300) : trimmed;
    }

    /** Never print the number or the CVC, whatever logs this object. */
    @Override
    public String toString() {
        return "CardForm[number=<hidden>, month=" + month + ", year=" + year + ", cvc=<hidden>, email=" + email + "]";
    }
}
