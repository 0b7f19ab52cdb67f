package tochka.acquiring.cli.remote;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.Permission;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.Page;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.PaymentQuery;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka payments}: the company's payment links, newest first, a page at a time, with the API's filters. */
@Command(
        name = "payments",
        mixinStandardHelpOptions = true,
        description = {
            "List the company's payments, newest first, a page at a time: by creation date (Moscow), status, or your"
                    + " paymentLinkId.",
            "--json prints {\"page\": N, \"totalPages\": M, \"payments\": [...]}, the payments as the API gives them."
        },
        footer = {
            "%nExample:",
            "  tochka payments --profile data/demo.env",
            "  tochka payments --profile data/demo.env --status APPROVED --from 2025-04-01 \\",
            "       --per-page 100 --json",
            "  tochka payments --profile data/demo.env --payment-link-id order-42"
        })
public final class PaymentsCommand extends RemoteCommand {

    /** The most pages walked to reach {@code --page}: the API is read a page at a time. */
    static final int MAX_PAGE = 1000;

    /** How much of a purpose the table shows. */
    static final int PURPOSE_WIDTH = 40;

    @Option(names = "--from", paramLabel = "DATE", description = "created on or after DATE (2025-04-01, Moscow)")
    @Nullable
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "created on or before DATE (Moscow)")
    @Nullable
    LocalDate to;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            converter = Inputs.StatusConverter.class,
            description = "only payments in STATUS: CREATED, APPROVED, AUTHORIZED, REFUNDED, REFUNDED_PARTIALLY,"
                    + " ON-REFUND, EXPIRED, WAIT_FULL_PAYMENT")
    @Nullable
    AcquiringPaymentStatus status;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "which page, from 1 (default: 1)")
    int page = 1;

    @Option(
            names = "--per-page",
            paramLabel = "N",
            defaultValue = "20",
            description = "payments on a page, 1 to 1000 (default: ${DEFAULT-VALUE})")
    int perPage = 20;

    @Option(
            names = "--payment-link-id",
            paramLabel = "ID",
            description = "only the link with this paymentLinkId (yours, or the one a lost create named), among those"
                    + " created since yesterday (Moscow)")
    @Nullable
    String paymentLinkId;

    /** What {@code --json} prints: one page of the list. */
    record Listing(int page, int totalPages, List<PaymentOperation> payments) {}

    @Override
    int run(TochkaClient client) {
        Listing listing = paymentLinkId != null ? byPaymentLinkId(client, paymentLinkId) : page(client);
        if (output.json()) {
            output.printJson(listing);
            return 0;
        }
        Table table = new Table("OPERATION ID", "CREATED", "AMOUNT", "STATUS", "PURPOSE");
        for (PaymentOperation payment : listing.payments()) {
            table.row(
                    payment.operationId(),
                    payment.createdAt(),
                    PaymentView.roubles(payment.amount()),
                    PaymentView.status(payment.status()),
                    payment.purpose() == null ? null : Inputs.cut(payment.purpose(), PURPOSE_WIDTH));
        }
        table.print(output.out());
        if (listing.page() < listing.totalPages()) {
            output.err()
                    .println("Page " + listing.page() + " of " + listing.totalPages() + ": the next is --page "
                            + (listing.page() + 1));
            output.err().flush();
        }
        return 0;
    }

    private Listing page(TochkaClient client) {
        if (page < 1 || page > MAX_PAGE) {
            throw new CliFailure(ExitCodes.REJECTED, "--page " + page + ": must be 1 to " + MAX_PAGE);
        }
        if (perPage < 1 || perPage > PaymentQuery.MAX_PER_PAGE) {
            throw new CliFailure(
                    ExitCodes.REJECTED, "--per-page " + perPage + ": must be 1 to " + PaymentQuery.MAX_PER_PAGE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new CliFailure(ExitCodes.REJECTED, "--from " + from + " is after --to " + to);
        }
        PaymentQuery query = new PaymentQuery(connection.customerCode(client), from, to, status, perPage);
        Page<PaymentOperation> current = client.payments().list(query);
        // The API is read a page at a time; the SDK walks to the one asked for.
        while (current.number() < page && current.hasNext()) current = current.next();
        if (current.number() < page) {
            return new Listing(page, current.totalPages(), List.of());
        }
        return new Listing(current.number(), current.totalPages(), current.items());
    }

    private Listing byPaymentLinkId(TochkaClient client, String id) {
        if (from != null || to != null || status != null || page != 1) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "--payment-link-id finds one link by itself: leave out --from, --to, --status and --page");
        }
        Inputs.length("--payment-link-id", id, 1, PaymentLinkRequest.MAX_PAYMENT_LINK_ID);
        Optional<PaymentOperation> found = client.payments().findByPaymentLinkId(connection.customerCode(client), id);
        if (found.isEmpty()) {
            output.err().println("No link with paymentLinkId " + id + " was created since yesterday (Moscow time).");
            output.err().flush();
        }
        return new Listing(1, found.isEmpty() ? 0 : 1, found.stream().toList());
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.ReadAcquiringData;
    }
}
