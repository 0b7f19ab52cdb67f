package tochka.acquiring.client;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ReceiptClient;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.api.Supplier;
import tochka.acquiring.api.TaxSystemCode;

/**
 * The 54-FZ receipt of a link created with one ({@code POST /acquiring/v1.0/payments_with_receipt}): who gets it,
 * what was sold, under which tax system, and the supplier when an agent sells.
 *
 * @param client the buyer, who gets the receipt by e-mail
 * @param items what was sold; their amounts times quantities add up to the link's amount
 * @param taxSystemCode the seller's tax system, or null for the one the bank knows
 * @param supplier the supplier, or null when the seller supplies
 */
public record Receipt(
        ReceiptClient client,
        List<ReceiptItem> items,
        @Nullable TaxSystemCode taxSystemCode,
        @Nullable Supplier supplier) {

    /** Checks the values at once, naming a wrong one. */
    public Receipt {
        Objects.requireNonNull(client, "client");
        items = List.copyOf(items);
        if (items.isEmpty()) throw new IllegalArgumentException("a receipt needs at least one item");
    }

    /** A receipt sent to {@code email} for {@code items}. */
    public static Receipt of(String email, ReceiptItem... items) {
        return new Receipt(new ReceiptClient(null, email, null), List.of(items), null, null);
    }
}
