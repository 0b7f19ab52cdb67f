package tochka.acquiring.server.checkout;

import java.util.Map;
import java.util.Optional;

/**
 * The card-processing simulator behind the hosted page. A documented set of test cards decides the outcome
 * (docs/checkout.md); any other valid Visa, Mastercard or Мир number is approved.
 */
final class CardProcessor {

    /** What the processor answers for a card. */
    enum Outcome {
        APPROVED,
        INSUFFICIENT_FUNDS,
        STOLEN_CARD,
        THREE_DS_REQUIRED,
        PROCESSOR_TIMEOUT
    }

    /** The right answer to every test 3-D Secure challenge. */
    static final String THREE_DS_CODE = "1234";

    private static final Map<String, Outcome> TEST_CARDS = Map.of(
            "4000000000009995", Outcome.INSUFFICIENT_FUNDS,
            "4000000000009979", Outcome.STOLEN_CARD,
            "4000000000003220", Outcome.THREE_DS_REQUIRED,
            "4000000000000119", Outcome.PROCESSOR_TIMEOUT);

    private CardProcessor() {}

    static Outcome authorize(String number) {
        return TEST_CARDS.getOrDefault(number, Outcome.APPROVED);
    }

    /** The card's brand by its number's prefix, if it is one the bank's page accepts (Visa, Mastercard, Мир). */
    static Optional<String> brand(String number) {
        if (number.startsWith("4")) return Optional.of("VISA");
        int two = Integer.parseInt(number.substring(0, 2));
        int four = Integer.parseInt(number.substring(0, 4));
        if (four >= 2200 && four <= 2204) return Optional.of("MIR");
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return Optional.of("MASTERCARD");
        return Optional.empty();
    }

    /** The Luhn check digit test every real card number passes. */
    static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
