package tochka.acquiring.client;

/**
 * Hears every finished call: the hook for metrics (Micrometer, OpenTelemetry). Called on the thread that finished
 * the call; it must be quick and must not throw (what it throws is dropped).
 */
@FunctionalInterface
public interface CallListener {

    /** A call ended, with a result or an error. */
    void callEnded(CallEvent event);

    /** A listener that does nothing. */
    static CallListener none() {
        return event -> {};
    }
}
