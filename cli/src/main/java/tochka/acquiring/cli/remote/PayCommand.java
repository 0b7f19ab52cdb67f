package tochka.acquiring.cli.remote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.Permission;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.Receipt;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka pay}: creates a payment link, and shows it as a QR code for a phone on a terminal. */
@Command(
        name = "pay",
        mixinStandardHelpOptions = true,
        description = {
            "Create a payment link: prints its operationId, status, amount and link (and, on a terminal, a QR code"
                    + " of the link for a phone's camera).",
            "Wait for the buyer with tochka status OPERATION_ID --wait."
        },
        footer = {
            "%nExample:",
            "  tochka pay --profile data/demo.env --amount 10 --purpose \"Order 42\"",
            "  OP=$(tochka pay --profile data/demo.env --amount 10 --purpose Tea \\",
            "       --json | jq -r .operationId)",
            "  tochka pay --profile data/demo.env --amount 1500.50 --purpose \"Order 43\" \\",
            "       --mode card --hold --ttl 60 --payment-link-id order-43",
            "  tochka pay --profile data/demo.env --amount 10 --purpose Tea \\",
            "       --receipt receipt.json",
            "%nA receipt file (the bank's fields; taxSystemCode and Supplier are optional):",
            "  {\"Client\": {\"email\": \"buyer@example.com\"},",
            "   \"Items\": [{\"name\": \"Tea\", \"amount\": 10.00, \"quantity\": 1,",
            "              \"vatType\": \"none\"}]}"
        })
public final class PayCommand extends RemoteCommand {

    /** The longest purpose the bank takes. */
    static final int MAX_PURPOSE = 140;

    /** The longest redirect URL the bank takes. */

    /** The longest a link may live, in minutes (31 days). */
    static final int MAX_TTL = 44640;

    @Option(
            names = "--amount",
            required = true,
            paramLabel = "ROUBLES",
            description = "how much, in roubles: 10 or 10.50 (at most two decimals)")
    String amount = "";

    @Option(
            names = "--purpose",
            required = true,
            paramLabel = "TEXT",
            description = "what the buyer pays for, shown on the payment page (1 to " + MAX_PURPOSE + " characters)")
    String purpose = "";

    @Option(
            names = "--mode",
            split = ",",
            paramLabel = "MODE",
            converter = Inputs.PaymentModeConverter.class,
            description = "how the buyer may pay: sbp, card, tinkoff, dolyame, comma-separated (default: sbp,card;"
                    + " card with --hold)")
    List<AcquiringPaymentMode> modes = new ArrayList<>();

    @Option(names = "--redirect", paramLabel = "URL", description = "where the buyer goes after paying")
    @Nullable
    String redirect;

    @Option(names = "--fail-redirect", paramLabel = "URL", description = "where the buyer goes after a failed payment")
    @Nullable
    String failRedirect;

    @Option(
            names = "--receipt",
            paramLabel = "FILE",
            description = "a JSON file with the 54-FZ receipt (Client, Items, taxSystemCode, Supplier, as the bank"
                    + " spells them): the link is created with it")
    @Nullable
    Path receipt;

    @Option(
            names = "--hold",
            description = "two-stage: the card is only authorized, and tochka capture takes the money later")
    boolean hold;

    @Option(
            names = "--ttl",
            paramLabel = "MINUTES",
            description = "how long the link can be paid, 1 to " + MAX_TTL + " minutes (the bank's default: a week)")
    @Nullable
    Integer ttl;

    @Option(
            names = "--payment-link-id",
            paramLabel = "ID",
            description = "your own id of the link (the order number), unique in the company, up to 45 characters")
    @Nullable
    String paymentLinkId;

    @Option(
            names = "--merchant-id",
            paramLabel = "ID",
            description = "the retailer (see tochka retailers; env " + Connection.MERCHANT_ID
                    + "; default: the company's only one)")
    @Nullable
    String merchantId;

    @Option(names = "--no-qr", description = "do not draw the link's QR code on a terminal")
    boolean noQr;

    @Override
    int run(TochkaClient client) {
        // The file is checked before any call, like the flags.
        Receipt withReceipt = receipt == null ? null : ReceiptFile.read(receipt);
        PaymentLinkRequest request = request(client);
        CreatedPayment created = withReceipt == null
                ? client.payments().create(request)
                : client.payments().createWithReceipt(request, withReceipt);
        if (output.json()) {
            output.printJson(created);
            return 0;
        }
        new Fields()
                .add("operationId", created.operationId())
                .add("status", PaymentView.status(created.status(), output))
                .add("amount", PaymentView.roubles(created.amount()))
                .add(
                        "twoStage",
                        Boolean.TRUE.equals(created.preAuthorization())
                                ? "yes: once paid, tochka capture " + created.operationId() + " takes the money"
                                : null)
                .add("paymentLinkId", created.paymentLinkId())
                .add("paymentLink", created.paymentLink())
                .print(output.out());
        if (output.terminal() && !noQr) {
            TerminalQr.render(created.paymentLink()).ifPresent(lines -> {
                output.out().println();
                lines.forEach(output.out()::println);
                output.out().flush();
            });
        }
        output.err().println("Wait for the payment: tochka status " + created.operationId() + " --wait");
        output.err().flush();
        return 0;
    }

    private PaymentLinkRequest request(TochkaClient client) {
        PaymentLinkRequest.Builder builder = PaymentLinkRequest.builder()
                .amount(Inputs.roubles("--amount", amount))
                .purpose(Inputs.length("--purpose", purpose.strip(), 1, MAX_PURPOSE))
                .paymentModes(modes());
        if (redirect != null) builder.redirectUrl(url("--redirect", redirect));
        if (failRedirect != null) builder.failRedirectUrl(url("--fail-redirect", failRedirect));
        if (hold) builder.preAuthorization(true);
        if (ttl != null) {
            if (ttl < 1 || ttl > MAX_TTL) {
                throw new CliFailure(
                        ExitCodes.REJECTED, "--ttl " + ttl + ": must be 1 to " + MAX_TTL + " minutes (31 days)");
            }
            builder.ttlMinutes(ttl);
        }
        if (paymentLinkId != null) {
            builder.paymentLinkId(
                    Inputs.length("--payment-link-id", paymentLinkId, 1, PaymentLinkRequest.MAX_PAYMENT_LINK_ID));
        }
        String retailer = merchantId != null ? merchantId : connection.merchantId();
        if (retailer != null) builder.merchantId(Inputs.length("--merchant-id", retailer.strip(), 15, 15));
        // Last: it may ask the API for the token's company, and every flag is checked before any call.
        return builder.customerCode(connection.customerCode(client)).build();
    }

    private List<AcquiringPaymentMode> modes() {
        if (!modes.isEmpty()) {
            if (hold && !modes.contains(AcquiringPaymentMode.CARD)) {
                throw new CliFailure(
                        ExitCodes.REJECTED,
                        "--hold needs --mode card: only a card payment can be two-stage (SBP, T-Pay and Dolyame are"
                                + " one-stage)");
            }
            return List.copyOf(new LinkedHashSet<>(modes));
        }
        return hold ? List.of(AcquiringPaymentMode.CARD) : List.of(AcquiringPaymentMode.SBP, AcquiringPaymentMode.CARD);
    }

    private static String url(String flag, String text) {
        return Inputs.httpUrl(flag, text, "https://shop.example/paid").toString();
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.MakeAcquiringOperation;
    }
}
