package tochka.acquiring.cli.remote;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.Permission;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.DurationConverter;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka status}: a payment's status and key fields; with {@code --wait}, once the status changes. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show a payment: status, amount, payment type, when it was paid, its refunds.",
            "With --wait, wait until the status changes (CREATED to APPROVED when the buyer pays) and show the new"
                    + " state; exit code 9 when --timeout passes first."
        },
        footer = {
            "%nExample:",
            "  OP=$(tochka pay --profile data/demo.env --amount 10 --purpose Tea \\",
            "       --json | jq -r .operationId)",
            "  tochka status --profile data/demo.env \"$OP\"",
            "  tochka status --profile data/demo.env \"$OP\" --wait --timeout 5m --json"
        })
public final class StatusCommand extends RemoteCommand {

    /** The shortest pause between two reads: a wait must not hammer the API. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(500);

    /** The longest wait. */
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    @Parameters(
            index = "0",
            paramLabel = "OPERATION_ID",
            description = "the payment's operationId (tochka pay prints it)")
    String operationId = "";

    @Option(names = "--wait", description = "wait until the status differs from the one seen first")
    boolean waitForChange;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "10m",
            description = "how long --wait waits: 30s, 10m, 2h; at most 24h (default: ${DEFAULT-VALUE})")
    Duration timeout = Duration.ofMinutes(10);

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "2s",
            description = "how often --wait reads the payment: at least 500ms (default: ${DEFAULT-VALUE})")
    Duration interval = Duration.ofSeconds(2);

    @Override
    int run(TochkaClient client) throws InterruptedException {
        String id = Inputs.operationId(operationId);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new CliFailure(ExitCodes.REJECTED, "--interval " + interval.toMillis() + "ms: at least 500ms");
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new CliFailure(ExitCodes.REJECTED, "--timeout: at most 24h");
        }
        PaymentOperation payment = client.payments().get(id);
        if (waitForChange) payment = awaitChange(client, payment);
        if (output.json()) output.printJson(payment);
        else PaymentView.print(payment, output);
        return 0;
    }

    /** Reads the payment every {@code interval} until its status differs from {@code first}'s, or the timeout. */
    private PaymentOperation awaitChange(TochkaClient client, PaymentOperation first) throws InterruptedException {
        AcquiringPaymentStatus seen = first.status();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (output.terminal()) {
            output.err()
                    .println("Waiting up to " + words(timeout) + " for " + first.operationId() + " to leave "
                            + PaymentView.status(seen) + " (Ctrl-C stops) ...");
            output.err().flush();
        }
        long started = System.nanoTime();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (output.terminal()) output.err().println();
                throw new CliFailure(
                        ExitCodes.TIMED_OUT,
                        "the status is still " + PaymentView.status(seen) + " after " + words(timeout)
                                + ": wait longer with --timeout, or look again with tochka status "
                                + first.operationId());
            }
            // Polling is the only way a command line hears of a payment: webhooks need a URL the bank can reach.
            Thread.sleep(Math.max(
                    1, Math.min(interval.toMillis(), Duration.ofNanos(left).toMillis())));
            PaymentOperation now = client.payments().get(first.operationId());
            if (!Objects.equals(now.status(), seen)) {
                if (output.terminal()) output.err().println();
                return now;
            }
            if (output.terminal()) {
                // One line rewritten in place: a sign of life on a long wait, without scrolling the terminal.
                output.err()
                        .print("\r  still " + PaymentView.status(seen) + " after "
                                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
                output.err().flush();
            }
        }
    }

    /** {@code duration} as people write it: {@code 10m}, {@code 1s}, {@code 1500ms}. */
    private static String words(Duration duration) {
        if (duration.toMillis() % 1000 != 0) return duration.toMillis() + "ms";
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) return seconds / 3600 + "h";
        if (seconds % 60 == 0) return seconds / 60 + "m";
        return seconds + "s";
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.ReadAcquiringData;
    }
}
