package tochka.acquiring.client;

/**
 * What the client writes to the {@code System.Logger} named {@code tochka.acquiring.client} (which SLF4J, Log4j and
 * JUL pick up): nothing, one line per try, or each try with its bodies. The {@code Authorization} header is never
 * written; bodies may hold a buyer's e-mail or phone (receipts), so {@link #BODIES} is for development.
 */
public enum RequestLogging {
    /** Nothing. */
    NONE,
    /** One line per try at DEBUG: method, path, status, milliseconds; failures at INFO. */
    BASIC,
    /** As {@link #BASIC}, plus the request's and the answer's bodies (at most 4 KB each). */
    BODIES
}
