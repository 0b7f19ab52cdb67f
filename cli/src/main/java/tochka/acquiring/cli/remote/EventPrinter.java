package tochka.acquiring.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.cli.remote.Output.Colour;
import tochka.acquiring.client.webhook.WebhookEvent;

/**
 * How {@code tochka listen} shows what arrived: a readable block per event (its type, status, operationId, amount and
 * the other claims, then what the receiver answered), or with {@code --json} one JSON object per line (NDJSON) for
 * scripts. Forged or unreadable bodies get a warning on stderr, in red on a terminal.
 */
final class EventPrinter {

    /** The claims shown first, in this order; the rest follow as the sender wrote them. */
    private static final List<String> FIRST = List.of("operationId", "status", "amount", "paymentType");

    private static final ObjectWriter LINE = Output.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Output output;

    EventPrinter(Output output) {
        this.output = output;
    }

    /** One request as {@code tochka listen} handled it. */
    record Delivery(
            Instant receivedAt,
            @Nullable WebhookEvent event,
            @Nullable String refusal,
            @Nullable String reason,
            Forwarder.@Nullable Answer answer,
            @Nullable String forwardedTo,
            int answered) {}

    /** Prints a delivery: a block (or a warning for a refused body), or one NDJSON line with {@code --json}. */
    synchronized void print(Delivery delivery) {
        if (output.json()) {
            printLine(delivery);
            return;
        }
        WebhookEvent event = delivery.event();
        if (event == null) {
            PrintWriter err = output.err();
            err.println(output.colour(
                    time(delivery.receivedAt()) + "  NOT a webhook of this server (" + delivery.reason() + "): "
                            + delivery.refusal() + "; not forwarded, answered " + delivery.answered(),
                    Colour.BAD));
            err.flush();
            return;
        }
        PrintWriter out = output.out();
        Map<String, String> claims = claims(event);
        StringBuilder head =
                new StringBuilder(time(delivery.receivedAt())).append("  ").append(printable(event.webhookType(), 64));
        String status = claims.get("status");
        if (status != null) {
            head.append("  ").append(output.colour(status, colourOf(status)));
        }
        head.append("  ").append(output.colour("verified", Colour.GOOD));
        out.println(head);
        int width = claims.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (String name : ordered(claims)) {
            if (name.equals("webhookType") || name.equals("status")) continue;
            out.println("  " + name + " ".repeat(width - name.length() + 2) + claims.get(name));
        }
        out.println("  " + answerLine(delivery));
        out.println();
        out.flush();
    }

    /** A note on stderr: where listen listens, what it registered, what it restored. */
    synchronized void note(String text) {
        output.err().println(text);
        output.err().flush();
    }

    /** A warning on stderr, in red on a terminal. */
    synchronized void warn(String text) {
        output.err().println(output.colour(text, Colour.BAD));
        output.err().flush();
    }

    private String answerLine(Delivery delivery) {
        Forwarder.Answer answer = delivery.answer();
        if (answer == null || delivery.forwardedTo() == null) {
            return "not forwarded (no --forward-to): answered " + delivery.answered();
        }
        StringBuilder line =
                new StringBuilder("-> ").append(delivery.forwardedTo()).append("  ");
        if (answer.status() != null) {
            line.append(output.colour(
                    String.valueOf(answer.status()), answer.status() / 100 == 2 ? Colour.GOOD : Colour.BAD));
        } else {
            line.append(output.colour("no answer", Colour.BAD));
        }
        line.append("  ").append(answer.millis()).append(" ms");
        if (!answer.firstLine().isEmpty()) line.append("  ").append(answer.firstLine());
        if (answer.failure() != null)
            line.append("  (").append(answer.failure()).append(')');
        if (answer.status() == null) line.append("; answered ").append(delivery.answered());
        return line.toString();
    }

    private void printLine(Delivery delivery) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("receivedAt", delivery.receivedAt().toString());
        WebhookEvent event = delivery.event();
        line.put("verified", event != null);
        if (event != null) {
            line.put("event", tree(event.claimsJson()));
        } else {
            line.put("error", delivery.refusal());
            line.put("reason", delivery.reason());
        }
        Forwarder.Answer answer = delivery.answer();
        line.put("forwardedTo", delivery.forwardedTo());
        line.put("status", answer == null ? null : answer.status());
        line.put("millis", answer == null ? null : answer.millis());
        if (answer != null) {
            line.put("answer", answer.firstLine());
            if (answer.failure() != null) line.put("forwardError", answer.failure());
        }
        line.put("answered", delivery.answered());
        try {
            output.out().println(LINE.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a listen line as JSON", e);
        }
        output.out().flush();
    }

    /** The claims as name and printable value, in the order the sender wrote them. */
    private static Map<String, String> claims(WebhookEvent event) {
        Map<String, String> claims = new LinkedHashMap<>();
        JsonNode tree = tree(event.claimsJson());
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            claims.put(printable(field.getKey(), 64), printable(text, 500));
        }
        return claims;
    }

    private static List<String> ordered(Map<String, String> claims) {
        List<String> names = new ArrayList<>();
        for (String first : FIRST) if (claims.containsKey(first)) names.add(first);
        for (String name : claims.keySet()) if (!FIRST.contains(name)) names.add(name);
        return names;
    }

    private static JsonNode tree(String json) {
        try {
            return Output.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // The verifier parsed it already: this cannot happen for a verified event.
            throw new IllegalStateException("a verified webhook's claims are not JSON", e);
        }
    }

    private static Colour colourOf(String status) {
        return switch (status) {
            case "APPROVED" -> Colour.GOOD;
            case "AUTHORIZED", "CREATED" -> Colour.WAITING;
            default -> Colour.BAD;
        };
    }

    private static String time(Instant at) {
        return LocalTime.ofInstant(at, ZoneId.systemDefault()).format(TIME);
    }

    /**
     * {@code text} safe to print on a terminal: control characters (an escape sequence could rewrite the screen)
     * become {@code ?}, and it is cut at {@code max} characters.
     */
    static String printable(@Nullable String text, int max) {
        if (text == null) return "";
        StringBuilder safe = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && safe.length() < max; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > max) safe.append('…');
        return safe.toString();
    }
}
