package tochka.acquiring.server.payments;

/**
 * What is kept of a payment card: its brand and its number with all but the first six and last four digits hidden
 * ({@code 411111******1111}). The full number and the CVC are never kept anywhere.
 */
public record MaskedCard(String mask, String brand) {

    public MaskedCard {
        if (!mask.matches("\\d{6}\\*+\\d{4}")) throw new IllegalArgumentException("not a masked card number");
    }

    /** Masks a full card number of 13 to 19 digits. */
    public static MaskedCard of(String number, String brand) {
        if (!number.matches("\\d{13,19}")) throw new IllegalArgumentException("not a card number");
        return new MaskedCard(
                number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4),
                brand);
    }
}
