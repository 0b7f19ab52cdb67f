package tochka.acquiring.server.payments;

import java.util.regex.Pattern;

/**
 * What counts as an e-mail address for a receipt, wherever one is given: in a create request's {@code Client} and
 * in the card form of the hosted page. One rule for both, so a page never accepts what the API refuses.
 */
public final class EmailAddress {

    /** Something, an {@code @}, a dotted domain; no spaces. The bank checks no more than its spec's format. */
    private static final Pattern FORM = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** RFC 5321's limit on a whole address. */
    private static final int MAX_LENGTH = 254;

    private EmailAddress() {}

    public static boolean isValid(String text) {
        return text.length() <= MAX_LENGTH && FORM.matcher(text).matches();
    }
}
