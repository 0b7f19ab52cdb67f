package tochka.acquiring.server.checkout;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.http.Messages;

/**
 * What the templates under {@code src/main/jte/checkout} show: plain values, already translated and formatted. A
 * null link ({@code backHref}, {@code shopHref}) is one the page does not offer. Each page's template takes one
 * record of these, {@code @param Views.OrderPage view} say, so the jte build checks every name a template reads.
 */
public final class Views {

    private Views() {}

    /** What one page template shows: its {@link Page} and its own parts; {@link #template} names the template. */
    public sealed interface PageView {

        Page page();

        /** The template's name under {@code checkout/}, without {@code .jte}. */
        String template();

        /** The page's texts: {@code view.t().get("card.title")} in a template. */
        default Messages t() {
            return page().t();
        }
    }

    /** The order page: the order and one button per way to pay. */
    public record OrderPage(Page page, Order order, List<Mode> modes) implements PageView {

        public OrderPage {
            modes = List.copyOf(modes);
        }

        @Override
        public String template() {
            return "order";
        }
    }

    /** The card form. */
    public record CardPage(Page page, Order order, CardForm form) implements PageView {

        @Override
        public String template() {
            return "card";
        }
    }

    /** The 3-D Secure challenge. */
    public record ChallengePage(Page page, Order order, Challenge challenge) implements PageView {

        @Override
        public String template() {
            return "threeds";
        }
    }

    /** The SBP QR code and the wait for the bank app. */
    public record SbpPage(Page page, Order order, Sbp sbp) implements PageView {

        @Override
        public String template() {
            return "sbp";
        }
    }

    /** The T-Pay or Dolyame confirmation. */
    public record ConfirmPage(Page page, Order order, Confirm confirm) implements PageView {

        @Override
        public String template() {
            return "confirm";
        }
    }

    /** An outcome or a dead end. */
    public record NoticePage(Page page, Notice notice) implements PageView {

        @Override
        public String template() {
            return "notice";
        }
    }

    /** A paid link. */
    public record PaidPage(Page page, Paid paid) implements PageView {

        @Override
        public String template() {
            return "paid";
        }
    }

    /** The buyer's bank app. */
    public record BankAppPage(Page page, BankApp bank) implements PageView {

        @Override
        public String template() {
            return "bankapp";
        }
    }

    /** Every page: its texts, title, the language switch and an optional script of ours. */
    public record Page(
            Messages t,
            String title,
            String otherLangUrl,
            @Nullable String script) {}

    /** The order as the buyer sees it on every page of the link; the items of its receipt, if it has one. */
    public record Order(String seller, String amount, String orderNumber, String purpose, List<Item> items) {

        public Order {
            items = List.copyOf(items);
        }
    }

    /** One receipt item: name, quantity, unit price and line total. */
    public record Item(String name, String quantity, String price, String total) {}

    /** One way to pay on the order page. */
    public record Mode(String name, String href, String label, String hint) {}

    /**
     * The card form. After a mistake it is shown again with what the buyer typed, except the CVC (never sent back)
     * and a number that was itself wrong; the fields with mistakes are outlined and point to their error text.
     */
    public record CardForm(
            String action,
            String csrf,
            String number,
            String month,
            String year,
            String email,
            Map<String, String> errors,
            String submitLabel,
            @Nullable String holdNote,
            @Nullable String backHref) {

        public CardForm {
            errors = Map.copyOf(errors);
        }

        public @Nullable String error(String field) {
            return errors.get(field);
        }

        /** The class that outlines a field with a mistake; null (no attribute) for the others. */
        public @Nullable String invalidClass(String field) {
            return errors.containsKey(field) ? "invalid" : null;
        }

        /** {@code aria-invalid} of a field: "true" with a mistake, else null (no attribute). */
        public @Nullable String ariaInvalid(String field) {
            return errors.containsKey(field) ? "true" : null;
        }

        /** {@code aria-describedby} of a field: its error text's id with a mistake, else null (no attribute). */
        public @Nullable String describedBy(String field) {
            return errors.containsKey(field) ? field + "-error" : null;
        }
    }

    /** The 3-D Secure challenge of the card's issuer. */
    public record Challenge(String action, String csrf, String text) {}

    /**
     * The SBP page: the QR code, a link for phones, where the page polls and where it goes on a payment
     * ({@code doneUrl}) or a cancellation in the bank app ({@code failedUrl}); {@code checked} after "I have paid:
     * check" found nothing yet.
     */
    public record Sbp(
            String qrImage,
            String bankAppUrl,
            String statusUrl,
            String doneUrl,
            String failedUrl,
            String checkHref,
            boolean checked,
            @Nullable String backHref) {}

    /** The T-Pay or Dolyame confirmation. */
    public record Confirm(
            String heading,
            String text,
            String action,
            String csrf,
            @Nullable String backHref) {}

    /** An outcome or a dead end: failure, expired, unknown, and so on; with a way on, and back to the shop. */
    public record Notice(
            String kind,
            String heading,
            String text,
            @Nullable String linkHref,
            @Nullable String linkText,
            @Nullable String shopHref) {}

    /** A paid link: what was paid, to whom and how (for cards, the masked number only). */
    public record Paid(
            String heading,
            String text,
            String amount,
            String orderNumber,
            String seller,
            @Nullable String method,
            @Nullable String card,
            @Nullable String shopHref) {}

    /** The buyer's bank app that the SBP QR code opens. */
    public record BankApp(
            String payee,
            String amount,
            String purpose,
            String state,
            String payAction,
            String cancelAction,
            String csrf) {}
}
