package tochka.acquiring.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import tochka.acquiring.cli.remote.Output.Colour;

/**
 * {@code tochka trigger}: what a buyer or time would do to a payment link, through this project's test-control API:
 * pay it, have the card declined, hold the money on a two-stage link, or let it expire. The bank has no such API.
 */
@Command(
        name = "trigger",
        mixinStandardHelpOptions = true,
        description = {
            "Play the buyer on this project's server (test control; not the bank's): approve, decline or authorize"
                    + " a payment link, or expire it now.",
            "approve ends APPROVED (AUTHORIZED for a card on a two-stage link: pay --hold, preAuthorization), authorize"
                    + " needs such a link and a card, decline leaves the link payable, expire ends EXPIRED. Needs the"
                    + " admin token: "
                    + Connection.ADMIN_TOKEN + "."
        },
        footer = {
            "%nExample:",
            "  tochka trigger approve 0d3c8a2e-6b1f-4f7e-9a55-2b1c3d4e5f60 --type sbp",
            "  tochka trigger expire 0d3c8a2e-6b1f-4f7e-9a55-2b1c3d4e5f60 --json"
        })
public final class TriggerCommand implements Callable<Integer> {

    private static final List<String> TYPES = List.of("card", "sbp", "tinkoff", "dolyame");

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Mixin
    Output output;

    @Parameters(
            index = "0",
            paramLabel = "EVENT",
            converter = EventConverter.class,
            completionCandidates = EventNames.class,
            description = "approve, decline, authorize or expire")
    Event event;

    @Parameters(index = "1", paramLabel = "OPERATION_ID", description = "the payment link's operationId")
    String operationId;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            completionCandidates = TypeNames.class,
            description = "how the buyer pays, one of the link's paymentMode: card, sbp, tinkoff, dolyame"
                    + " (default: card)")
    @Nullable
    String type;

    /** What happens to the link. */
    enum Event {
        APPROVE,
        DECLINE,
        AUTHORIZE,
        EXPIRE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public Integer call() {
        String id = Inputs.operationId(operationId);
        if (type != null && !TYPES.contains(type)) {
            throw new ParameterException(spec.commandLine(), "--type " + type + ": one of " + String.join(", ", TYPES));
        }
        if (event == Event.EXPIRE && type != null) {
            throw new ParameterException(
                    spec.commandLine(), "--type is for approve, decline and authorize, not expire");
        }
        ControlClient control = ControlClient.of(connection, "tochka trigger");
        JsonNode operation = event == Event.EXPIRE
                ? control.expire(id)
                : control.simulate(id, type == null ? "card" : type, event.word());
        if (output.json()) {
            output.printJson(operation);
            return 0;
        }
        String status = operation.path("status").asText("?");
        String said = switch (event) {
            case DECLINE -> "the attempt was declined; the link stays " + status;
            case EXPIRE -> "expired: " + status;
            default -> "paid by " + (type == null ? "card" : type) + ": " + status;
        };
        output.out().println("operation " + id + " " + said.replace(status, output.colour(status, colour(status))));
        output.out().flush();
        return 0;
    }

    private static Colour colour(String status) {
        return switch (status) {
            case "APPROVED", "AUTHORIZED" -> Colour.GOOD;
            case "CREATED" -> Colour.WAITING;
            default -> Colour.BAD;
        };
    }

    /** {@code approve} etc. as typed, in lower case as the server spells them. */
    static final class EventConverter implements ITypeConverter<Event> {
        @Override
        public Event convert(String value) {
            for (Event event : Event.values()) {
                if (event.word().equals(value.strip().toLowerCase(Locale.ROOT))) return event;
            }
            throw new TypeConversionException("'" + value + "' is not one of approve, decline, authorize, expire");
        }
    }

    /** The events, for shell completion. */
    static final class EventNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Event.values()).map(Event::word).iterator();
        }
    }

    /** The payment types, for shell completion. */
    static final class TypeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TYPES.iterator();
        }
    }
}
