package tochka.acquiring.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run must undo, last started first stopped: child processes, embedded PostgreSQL, temporary directories. Runs
 * once, at the end or from the JVM's shutdown hook (Ctrl-C, a failure), whichever comes first.
 */
final class Cleanup {

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean done;

    /** An undo step that may throw. */
    interface Action {
        void run() throws Exception;
    }

    private record Step(String name, Action action) {}

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::run, "bench-cleanup"));
    }

    synchronized void add(String name, Action action) {
        steps.push(new Step(name, action));
    }

    synchronized void run() {
        if (done) return;
        done = true;
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.action().run();
            } catch (Exception e) {
                System.err.println("cleanup: " + step.name() + " failed: " + e);
            }
        }
    }
}
