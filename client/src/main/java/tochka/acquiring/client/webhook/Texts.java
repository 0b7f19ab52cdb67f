package tochka.acquiring.client.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** Attacker-controlled values made safe to put into an exception message: short and printable. */
final class Texts {

    private static final int MAX_QUOTED = 40;

    private Texts() {}

    /** {@code node} as JSON (a string in quotes), cut to a few dozen printable ASCII characters. */
    static String quoted(JsonNode node) {
        return node.isTextual() ? quoted(node.textValue()) : printable(node.toString());
    }

    /** {@code text} in quotes, cut to a few dozen printable ASCII characters. */
    static String quoted(String text) {
        return '"' + printable(text) + '"';
    }

    /** {@code text} cut to a few dozen characters, anything outside printable ASCII shown as {@code ?}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (text.length() > MAX_QUOTED) out.append("...");
        return out.toString();
    }
}
