package tochka.acquiring.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tochka.acquiring.cli.remote.CaptureCommand;
import tochka.acquiring.cli.remote.ClockCommand;
import tochka.acquiring.cli.remote.CustomersCommand;
import tochka.acquiring.cli.remote.DoctorCommand;
import tochka.acquiring.cli.remote.ListenCommand;
import tochka.acquiring.cli.remote.PayCommand;
import tochka.acquiring.cli.remote.PaymentsCommand;
import tochka.acquiring.cli.remote.PostmanCommand;
import tochka.acquiring.cli.remote.RefundCommand;
import tochka.acquiring.cli.remote.RetailersCommand;
import tochka.acquiring.cli.remote.StatusCommand;
import tochka.acquiring.cli.remote.TriggerCommand;
import tochka.acquiring.cli.remote.WebhooksCommand;

/** The {@code tochka} command. */
@Command(
        name = "tochka",
        mixinStandardHelpOptions = true,
        versionProvider = TochkaCli.Version.class,
        description = {
            "Tochka Bank's internet acquiring: the server that speaks the bank's Open API, and the bank's API from the"
                    + " command line, against this server, the bank's sandbox or the bank.",
            "The API commands read TOCHKA_BASE_URL, TOCHKA_TOKEN and TOCHKA_CUSTOMER_CODE (the names of data/demo.env),"
                    + " a --profile file, or flags; without them they talk to the bank's production API."
        },
        footer = {
            "%nExamples:",
            "  tochka serve",
            "  tochka pay --profile data/demo.env --amount 10 --purpose 'Тестовый платёж'",
            "%nExit codes: 0 ok, 1 a check failed (doctor), 2 wrong usage, 3 input refused, 4 token refused or lacking a"
                    + " permission, 5 failure, 6 not found, 7 network, 8 the payment's state forbids it, 9 a wait timed out."
        },
        subcommands = {
            ServeCommand.class,
            KeysCommand.class,
            UsersCommand.class,
            CustomersCommand.class,
            RetailersCommand.class,
            PayCommand.class,
            StatusCommand.class,
            PaymentsCommand.class,
            RefundCommand.class,
            CaptureCommand.class,
            WebhooksCommand.class,
            ListenCommand.class,
            TriggerCommand.class,
            ClockCommand.class,
            PostmanCommand.class,
            DoctorCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TochkaCli {

    private final Map<String, String> environment;

    private TochkaCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's {@link ExitCodes}, reading settings from the process's environment. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The command line reading its settings ({@code TOCHKA_TOKEN}, ...) from {@code environment}, which tests
     * choose, instead of the process's.
     */
    public static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new TochkaCli(environment))
                .setExecutionExceptionHandler(new ExitCodes())
                .setUsageHelpAutoWidth(true);
    }

    /** The environment variables the commands read. */
    public Map<String, String> environment() {
        return environment;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TochkaCli.class.getPackage().getImplementationVersion();
            return new String[] {"tochka " + (version == null ? "dev" : version)};
        }
    }
}
