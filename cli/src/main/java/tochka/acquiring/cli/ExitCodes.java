package tochka.acquiring.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import tochka.acquiring.server.core.Rejected;

/** One place that turns a failure into a one-line message on stderr and an exit code. */
final class ExitCodes implements IExecutionExceptionHandler {

    static final int REJECTED = 3;
    static final int FAILED = 5;

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        if (error instanceof Rejected rejected) {
            commandLine.getErr().println("error: " + rejected.getMessage());
            return REJECTED;
        }
        commandLine.getErr().println("error: " + error.getMessage());
        return FAILED;
    }
}
