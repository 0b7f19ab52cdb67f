package tochka.acquiring.cli.remote;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.Refund;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka refund}: gives a paid payment's money back, all that is left of it or a part. */
@Command(
        name = "refund",
        mixinStandardHelpOptions = true,
        description = {
            "Refund a paid payment: --amount of it, or without --amount all that is left (its amount minus the"
                    + " refunds made before).",
            "A payment that is not paid (CREATED, EXPIRED) or already refunded in full is refused with exit code 8."
        },
        footer = {
            "%nExample:",
            "  OP=$(tochka pay --profile data/demo.env --amount 10 --purpose Tea \\",
            "       --json | jq -r .operationId)",
            "  # pay it: open the link (on this project's server: tochka trigger approve)",
            "  tochka refund --profile data/demo.env \"$OP\" --amount 4.00",
            "  tochka refund --profile data/demo.env \"$OP\" --json"
        })
public final class RefundCommand extends RemoteCommand {

    @Parameters(index = "0", paramLabel = "OPERATION_ID", description = "the paid payment's operationId")
    String operationId = "";

    @Option(
            names = "--amount",
            paramLabel = "ROUBLES",
            description = "how much to refund: 5 or 5.50 (default: all that is left)")
    @Nullable
    String amount;

    @Override
    int run(TochkaClient client) {
        String id = Inputs.operationId(operationId);
        BigDecimal refunding;
        String note = null;
        if (amount != null) {
            refunding = Inputs.roubles("--amount", amount);
        } else {
            PaymentOperation payment = client.payments().get(id);
            BigDecimal refunded = PaymentView.refunded(payment);
            refunding = payment.amount().subtract(refunded);
            if (refunding.signum() <= 0) {
                throw new CliFailure(
                        ExitCodes.CONFLICT,
                        "nothing is left to refund: " + PaymentView.roubles(refunded) + " of "
                                + PaymentView.roubles(payment.amount()) + " is refunded already (tochka status " + id
                                + ")");
            }
            note = "all that was left: " + PaymentView.roubles(payment.amount())
                    + (refunded.signum() == 0 ? "" : " minus " + PaymentView.roubles(refunded) + " refunded before");
        }
        Refund refund = client.payments().refund(id, refunding);
        if (output.json()) {
            if (note != null) {
                output.err().println("Refunded " + PaymentView.roubles(refund.amount()) + ", " + note + ".");
                output.err().flush();
            }
            output.printJson(refund);
            return 0;
        }
        new Fields()
                .add("refunded", PaymentView.roubles(refund.amount()) + (note == null ? "" : " (" + note + ")"))
                .add("operationId", refund.operationId())
                .add("orderId", refund.orderId())
                .add("date", refund.date())
                .print(output.out());
        return 0;
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.MakeAcquiringOperation;
    }
}
