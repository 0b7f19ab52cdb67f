package tochka.acquiring.cli;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tochka.acquiring.cli.remote.ClockCommand;
import tochka.acquiring.cli.remote.CustomersCommand;
import tochka.acquiring.cli.remote.DoctorCommand;
import tochka.acquiring.cli.remote.PostmanCommand;
import tochka.acquiring.cli.remote.TriggerCommand;

/** The {@code tochka} command. */
@Command(
        name = "tochka",
        mixinStandardHelpOptions = true,
        versionProvider = TochkaCli.Version.class,
        description = "Tochka Bank's internet acquiring: the server that speaks the bank's Open API, and its tools.",
        subcommands = {
            ServeCommand.class,
            KeysCommand.class,
            UsersCommand.class,
            CustomersCommand.class,
            TriggerCommand.class,
            ClockCommand.class,
            PostmanCommand.class,
            DoctorCommand.class,
            AutoComplete.GenerateCompletion.class,
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
        return new CommandLine(new TochkaCli(environment)).setExecutionExceptionHandler(new ExitCodes());
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
