package tochka.acquiring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What every command promises about itself: help with an example, and a place in the shell completion. */
class CommandsHelpTest {

    private static List<CommandLine> allCommands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>();
        all.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()
                    && sub.getCommandName().equals(sub.getCommandSpec().name())) all.addAll(allCommands(sub));
        }
        return all;
    }

    @Test
    void every_command_shows_an_example_in_its_help() {
        for (CommandLine command : allCommands(TochkaCli.commandLine(Map.of()))) {
            if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) continue;
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(usage)
                    .as("%s --help", command.getCommandSpec().qualifiedName())
                    .containsPattern("Examples?:\\R  .*tochka ");
        }
    }

    @Test
    void help_is_printed_with_exit_code_zero_and_names_the_exit_codes() {
        StringWriter out = new StringWriter();
        CommandLine cli = TochkaCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString())
                .contains("Exit codes: 0 ok")
                .contains("customers")
                .contains("completion");
    }

    @Test
    void the_completion_script_knows_every_command() {
        StringWriter out = new StringWriter();
        CommandLine cli = TochkaCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("completion")).isZero();
        String script = out.toString();
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F");
        for (CommandLine command : allCommands(TochkaCli.commandLine(Map.of()))) {
            assertThat(script).as("completion of %s", command.getCommandName()).contains(command.getCommandName());
        }
        assertThat(script).contains("--base-url").contains("--profile");
    }
}
