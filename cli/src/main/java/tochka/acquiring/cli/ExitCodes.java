package tochka.acquiring.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import tochka.acquiring.server.core.Rejected;

/**
 * The exit codes of every {@code tochka} command, documented in {@code docs/cli.md} so that scripts can branch on
 * them, and the one place that turns a failure into a message on stderr and its code.
 */
public final class ExitCodes implements IExecutionExceptionHandler {

    public static final int OK = 0;
    /** {@code doctor} found a problem. */
    public static final int CHECK_FAILED = 1;
    /** Picocli's own: an unknown command or option, a missing or malformed argument. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** The input was refused, by the CLI or the server (400, 422): the message names the field. */
    public static final int REJECTED = 3;
    /** No token, a wrong, expired or revoked one, or one without the permission the call needs (401, 403). */
    public static final int AUTH = 4;
    /** Anything else: the server failed (5xx), or an unexpected error. */
    public static final int FAILED = 5;
    /** The payment, company or webhook does not exist, or belongs to another company (404). */
    public static final int NOT_FOUND = 6;
    /** The server could not be reached or did not answer in time; a create's outcome may be unknown. */
    public static final int NETWORK = 7;
    /** The payment's state forbids it: refunding an unpaid link, capturing twice (409, Operation Not Allowed). */
    public static final int CONFLICT = 8;
    /** A wait ran out: {@code status --wait} saw no change before {@code --timeout}. */
    public static final int TIMED_OUT = 9;

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        if (error instanceof CliFailure failure) {
            commandLine.getErr().println("error: " + failure.getMessage());
            return failure.exitCode();
        }
        if (error instanceof Rejected rejected) {
            commandLine.getErr().println("error: " + rejected.getMessage());
            return REJECTED;
        }
        commandLine.getErr().println("error: " + error.getMessage());
        return FAILED;
    }
}
