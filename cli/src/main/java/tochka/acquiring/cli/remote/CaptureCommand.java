package tochka.acquiring.cli.remote;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.Permission;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka capture}: takes the money of a two-stage payment the buyer authorized. */
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        description = {
            "Capture a two-stage payment (tochka pay --hold) that the buyer paid: AUTHORIZED becomes APPROVED, and"
                    + " the money is taken. Prints the payment's new state.",
            "A payment that is not AUTHORIZED is refused with exit code 8."
        },
        footer = {
            "%nExample:",
            "  OP=$(tochka pay --profile data/demo.env --amount 10 --purpose Tea --hold \\",
            "       --json | jq -r .operationId)",
            "  # pay it: open the link (on this project's server: tochka trigger authorize)",
            "  tochka capture --profile data/demo.env \"$OP\""
        })
public final class CaptureCommand extends RemoteCommand {

    @Parameters(index = "0", paramLabel = "OPERATION_ID", description = "the authorized payment's operationId")
    String operationId = "";

    @Override
    int run(TochkaClient client) {
        String id = Inputs.operationId(operationId);
        client.payments().capture(id);
        PaymentOperation payment = client.payments().get(id);
        if (output.json()) output.printJson(payment);
        else PaymentView.print(payment, output);
        return 0;
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.MakeAcquiringOperation;
    }
}
