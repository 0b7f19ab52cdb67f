package tochka.acquiring.server.checkout;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the templates under {@code src/main/jte/checkout} show: plain values, already translated and formatted. */
public final class Views {

    private Views() {}

    /** Every page: its texts, title, the language switch and an optional script of ours. */
    public record Page(Messages t, String title, String otherLangUrl, @Nullable String script) {}

    /** The order as the buyer sees it on every page of the link. */
    public record Order(String seller, String amount, String orderNumber, String purpose) {}

    /** One way to pay on the order page. */
    public record Mode(String name, String href, String label, String hint) {}

    /** The card form; values of the number and CVC are never sent back, only the rest. */
    public record CardForm(String action, String csrf, String month, String year, String email,
            Map<String, String> errors, String backHref) {

        public @Nullable String error(String field) {
            return errors.get(field);
        }
    }

    /** The 3-D Secure challenge of the card's issuer. */
    public record Challenge(String action, String csrf, String text) {}

    /** The SBP page: the QR code, a link for phones, and where the page polls. */
    public record Sbp(String qrImage, String bankAppUrl, String statusUrl, String doneUrl, String checkHref,
            String backHref) {}

    /** The T-Pay or Dolyame confirmation. */
    public record Confirm(String heading, String text, String action, String csrf, String backHref) {}

    /** An outcome or a dead end: success, failure, expired, paid, unknown, and so on. */
    public record Notice(String kind, String heading, String text, @Nullable String linkHref,
            @Nullable String linkText) {}

    /** The buyer's bank app that the SBP QR code opens. */
    public record BankApp(String payee, String amount, String purpose, String state, String payAction,
            String cancelAction, String csrf) {}
}
