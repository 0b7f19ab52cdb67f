package tochka.acquiring.cli.remote;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tochka.acquiring.api.Permission;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.TochkaException;

/**
 * An API command: it talks to the API of {@link Connection} through the SDK and prints with {@link Output}. A
 * refusal of the API becomes a message that says what to do next, and its exit code ({@link Failures}).
 */
abstract class RemoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    Output output;

    @Override
    public final Integer call() throws Exception {
        TochkaClient client = connection.client();
        try {
            return run(client);
        } catch (TochkaException e) {
            throw Failures.explain(e, permission(), connection.target());
        }
    }

    /** Does the command's work with {@code client}; returns the exit code. */
    abstract int run(TochkaClient client) throws Exception;

    /**
     * The permission the command's calls need (the spec's {@code security} block), named when the API refuses the
     * token; null for calls any valid key may make.
     */
    abstract @Nullable Permission permission();
}
