package tochka.acquiring.server.console;

/** A part of the console (home, payments, keys, ...): adds its pages and forms through {@link ConsolePages}. */
@FunctionalInterface
public interface ConsoleSection {
    void addTo(ConsolePages pages);
}
