package tochka.acquiring.server.http;

/**
 * Text from a request made safe for a log line: a caller's {@code %0a} must not start a line of its own that reads
 * like the server's. Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the bidi
 * controls that can reorder what a reader sees are written as {@code \\uXXXX}; a backslash is doubled, so an
 * escape written by the caller cannot pass for one written here.
 */
public final class LogText {

    private LogText() {}

    public static String escape(String text) {
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
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\\' || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
    }
}
