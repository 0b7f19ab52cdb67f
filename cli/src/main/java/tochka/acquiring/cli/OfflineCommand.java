package tochka.acquiring.cli;

import java.io.PrintWriter;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tochka.acquiring.server.Application.Backoffice;
import tochka.acquiring.server.core.Rejected;

/**
 * What every offline subcommand ({@code tochka keys ...}, {@code tochka users ...}) shares: the database it works on,
 * and its output, flushed once the work is done (exit code 0; a refusal is thrown as {@link Rejected}, which
 * {@link ExitCodes} turns into its exit code).
 */
abstract class OfflineCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    KeysStore store;

    int printing(BiConsumer<Backoffice, PrintWriter> work) {
        return store.withBackoffice(spec.commandLine().getErr(), backoffice -> {
            PrintWriter out = spec.commandLine().getOut();
            work.accept(backoffice, out);
            out.flush();
            return 0;
        });
    }
}
