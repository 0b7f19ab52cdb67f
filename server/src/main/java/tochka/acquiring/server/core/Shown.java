package tochka.acquiring.server.core;

/**
 * A caller's value as a 400 repeats it: its first 40 characters and {@code ...}, so that a megabyte of input, or a
 * value built to fill a log, does not come back whole. Every answer that echoes input cuts it here.
 */
public final class Shown {

    public static final int MAX_CHARS = 40;

    private Shown() {}

    /** {@code text}, cut to {@value #MAX_CHARS} characters and {@code ...} when longer. */
    public static String cut(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "..." : text;
    }

    /** {@code value} cut as {@link #cut} and in single quotes: {@code got 'abc'}. */
    public static String quoted(Object value) {
        return "'" + cut(String.valueOf(value)) + "'";
    }
}
