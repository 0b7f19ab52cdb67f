package tochka.acquiring.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tochka} command. */
@Command(
        name = "tochka",
        mixinStandardHelpOptions = true,
        versionProvider = TochkaCli.Version.class,
        description = "Tochka Bank's internet acquiring: the server that speaks the bank's Open API, and its tools.",
        subcommands = {ServeCommand.class, KeysCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class TochkaCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's exit codes: 0 ok, 2 usage, 3 rejected input, 5 failure. */
    public static CommandLine commandLine() {
        return new CommandLine(new TochkaCli()).setExecutionExceptionHandler(new ExitCodes());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TochkaCli.class.getPackage().getImplementationVersion();
            return new String[] {"tochka " + (version == null ? "dev" : version)};
        }
    }
}
