package tochka.acquiring.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tochka.acquiring.cli.TochkaCli;

/**
 * How an API command prints: a readable table or lines by default, or with {@code --json} one JSON document on
 * stdout for scripts (the API's own {@code Data} objects, spelt as the bank spells them). Colours only on a terminal
 * and never with {@code NO_COLOR}; progress only on a terminal, on stderr.
 */
public final class Output {

    /** The API's records as the bank writes them: amounts plain ({@code 1500.00}, never {@code 1.5E+3}). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--json", description = "print JSON for scripts instead of a table")
    boolean json;

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Prints {@code value} as JSON on stdout. */
    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
        out().flush();
    }

    /** Whether stdout is a terminal a person reads: colours, QR codes and progress are for it only. */
    boolean terminal() {
        Map<String, String> environment = ((TochkaCli) command.root().userObject()).environment();
        // picocli's AUTO asks the JDK whether stdout is a terminal (on every JDK version) and honours its own switches.
        return !environment.containsKey("NO_COLOR") && Ansi.AUTO.enabled();
    }

    /** {@code text} in green (good), yellow (waiting) or red (bad) on a terminal; as it is elsewhere. */
    String colour(String text, Colour colour) {
        return terminal() ? "\033[" + colour.code + "m" + text + "\033[0m" : text;
    }

    /** The three colours the CLI uses. */
    enum Colour {
        GOOD(32),
        WAITING(33),
        BAD(31);

        private final int code;

        Colour(int code) {
            this.code = code;
        }
    }
}
