package tochka.acquiring.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tochka completion}: the shell completion script picocli writes from the commands themselves. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print the bash/zsh completion script of tochka: commands, subcommands and options.",
        footer = {
            "%nExamples:",
            "  source <(./tochka completion)                  # in this shell",
            "  ./tochka completion > ~/.local/share/bash-completion/completions/tochka"
        })
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getOut()
                .print(AutoComplete.bash("tochka", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
