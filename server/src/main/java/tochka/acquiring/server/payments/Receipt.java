package tochka.acquiring.server.payments;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ReceiptClient;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.api.Supplier;
import tochka.acquiring.api.TaxSystemCode;

/**
 * The 54-FZ receipt data of a link created with a receipt. Kept in its wire shape (already validated at the edge):
 * the server stores and returns it, and does no arithmetic on it.
 */
public record Receipt(
        @Nullable TaxSystemCode taxSystemCode,
        ReceiptClient client,
        List<ReceiptItem> items,
        @Nullable Supplier supplier) {

    public Receipt {
        items = List.copyOf(items);
    }
}
