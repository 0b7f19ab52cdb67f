package tochka.acquiring.server.http;

import java.util.regex.Pattern;

/**
 * Text from a request made safe for a log line: a caller's {@code %0a} must not start a line of its own that reads
 * like the server's. Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the bidi
 * controls that can reorder what a reader sees are written as a Java escape ({@code \\u202e}); a backslash is
 * doubled, so an escape written by the caller cannot pass for one written here. A JWT that a caller put where an id
 * or a value goes (a common slip) is cut to its first characters, so the log never holds a working key.
 */
public final class LogText {

    /** A compact JWT or a part of one: its header always starts {@code eyJ}, the base64url of <code>{"</code>. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*){0,2}");

    private LogText() {}

    public static String escape(String raw) {
        String text = raw.contains("eyJ") ? JWT.matcher(raw).replaceAll("eyJ...(token hidden)") : raw;
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) i++;
        if (i == text.length()) return text;
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') escaped.append("\\\\");
            else if (needsEscape(c)) escaped.append(String.format("\\u%04x", (int) c));
            else escaped.append(c);
        }
        return escaped.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\\'
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
    }
}
