package tochka.acquiring.bench;

/** A run that cannot stand: an error under load, a missing webhook, a server that did not start. */
final class BenchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }
}
