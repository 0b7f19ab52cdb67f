package tochka.acquiring.server.console;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.http.RequestJournal;
import tochka.acquiring.server.webhooks.WebhookEvent;

/** What the Payments section's templates ({@code payments.jte}, {@code payments-payment.jte}) show. */
public final class PaymentViews {

    private PaymentViews() {}

    /**
     * The list: its filter form as the user filled it, what is wrong with it (then no rows), one page of rows, the
     * links to the newer and older pages (null: none), and what the live script polls ({@code liveUrl}) and
     * compares ({@code version}) to know the rows changed.
     */
    public record ListPage(
            Chrome chrome,
            Filters filters,
            List<String> problems,
            List<Row> rows,
            @Nullable String newerHref,
            @Nullable String olderHref,
            String liveUrl,
            String version)
            implements View {
        @Override
        public String template() {
            return "payments";
        }
    }

    /** The filter form's values as given (echoed back as typed) and its choices. */
    public record Filters(
            List<Option> companies, List<Option> statuses, String from, String to, String text, int maxText) {}

    /** One choice of a {@code <select>}. */
    public record Option(String value, String label, boolean selected) {}

    /** A status as a badge: the bank's name ({@code APPROVED}), its text, and its colour class. */
    public record Badge(String code, String label, String css) {}

    /** One payment in the list. */
    public record Row(
            String operationId,
            String href,
            String created,
            String company,
            String amount,
            Badge status,
            String purpose,
            String method) {}

    /**
     * A payment's page: what it is ({@code facts}), how it was paid ({@code payer}, empty until it is), its
     * receipt, its history, and the forms of what may be done to it now (null: not now). {@code webhookDeliveries}
     * and {@code requests} are further history, each shown only when not empty. {@code notice} says what the last
     * action did, {@code error} why it did not.
     */
    public record PaymentPage(
            Chrome chrome,
            String operationId,
            String amount,
            Badge status,
            List<Fact> facts,
            List<Fact> payer,
            List<ReceiptRow> receipt,
            List<OrderRow> orders,
            List<WebhookEvent> webhookDeliveries,
            List<RequestJournal.Entry> requests,
            @Nullable RefundForm refund,
            @Nullable String captureToken,
            @Nullable ControlForms control,
            @Nullable String notice,
            @Nullable String error,
            String liveUrl,
            String version)
            implements View {
        @Override
        public String template() {
            return "payments-payment";
        }

        public String actionBase() {
            return "/console/payments/" + operationId;
        }
    }

    /** A labelled value; {@code href} makes it a link, {@code id} names it for tests and scripts. */
    public record Fact(
            String id, String label, String value, @Nullable String href) {}

    /** A line of the receipt. */
    public record ReceiptRow(String name, String quantity, String price, String vat) {}

    /** An entry of the payment's {@code Order[]}. */
    public record OrderRow(String time, String kind, String amount, String orderId) {}

    /** The refund form: its one-time token, the amount it offers (all that is left), and what is left, shown. */
    public record RefundForm(String token, String amount, String remaining, int maxChars) {}

    /** The test-control forms, each with its own one-time token; {@code modes} are the ways the link may be paid. */
    public record ControlForms(String payToken, String declineToken, String expireToken, List<Option> modes) {}
}
