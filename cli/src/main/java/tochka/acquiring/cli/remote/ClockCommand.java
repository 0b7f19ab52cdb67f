package tochka.acquiring.cli.remote;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tochka.acquiring.cli.DurationConverter;

/** {@code tochka clock}: this project's server's clock, which its test-control API moves forward. */
@Command(
        name = "clock",
        mixinStandardHelpOptions = true,
        description = "The clock of this project's server (test control; the bank's clock is the bank's).",
        subcommands = ClockCommand.Advance.class,
        footer = {"%nExample:", "  tochka clock advance 7d"})
public final class ClockCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do with the clock: tochka clock advance 7d");
    }

    /** {@code tochka clock advance}. */
    @Command(
            name = "advance",
            mixinStandardHelpOptions = true,
            description = {
                "Move the server's clock forward (never back) by whole minutes: links whose ttl runs out expire, as"
                        + " they would after that time. Everything the server times reads this clock; a restart"
                        + " keeps it. Needs the admin token: " + Connection.ADMIN_TOKEN + ".",
            },
            footer = {"%nExample:", "  tochka clock advance 90m", "  tochka clock advance 7d --json"})
    static final class Advance implements Callable<Integer> {

        /** The server's own bound: ten years. */
        static final long MAX_MINUTES = 10L * 366 * 24 * 60;

        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Mixin
        Output output;

        @Parameters(
                index = "0",
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "how far: 90m, 2h, 7d (whole minutes, up to 3660d)")
        Duration by;

        @Override
        public Integer call() {
            if (by.toSeconds() % 60 != 0 || by.toNanosPart() != 0) {
                throw new ParameterException(
                        spec.commandLine(), "DURATION " + by + ": the clock moves by whole minutes, like 90m, 2h, 7d");
            }
            if (by.toMinutes() > MAX_MINUTES) {
                throw new ParameterException(
                        spec.commandLine(), "DURATION: at most " + MAX_MINUTES / (24 * 60) + "d (ten years)");
            }
            String now = ControlClient.of(connection, "tochka clock advance").advanceClock(by.toMinutes());
            if (output.json()) {
                output.printJson(Map.of("now", now));
            } else {
                output.out().println("the server's time is now " + now);
                output.out().flush();
            }
            return 0;
        }
    }
}
