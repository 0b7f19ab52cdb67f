package tochka.acquiring.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A server in a process of its own ({@link ServerMain}), started and waited for until it serves; closing it kills it
 * with SIGKILL, as a crash would.
 */
public final class ServerProcess implements AutoCloseable {

    /** How many of the child's last output lines are kept, to explain a failure. */
    private static final int TAIL_LINES = 200;

    private final Process process;
    private final Map<String, String> announced;
    private final Deque<String> tail;

    private ServerProcess(Process process, Map<String, String> announced, Deque<String> tail) {
        this.process = process;
        this.announced = Map.copyOf(announced);
        this.tail = tail;
    }

    /** A server over SQLite in {@code dataDir}, or over PostgreSQL at {@code dbUrl}; returns once it serves. */
    public static ServerProcess start(Path dataDir, @Nullable String dbUrl) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName(),
                dataDir.toString()));
        if (dbUrl != null) command.add(dbUrl);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                Deque<String> tail = new ArrayDeque<>();
                return new ServerProcess(process, announcement(process, tail), tail);
            } catch (RuntimeException | IOException e) {
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the child printed before {@code ready}: {@code api}, {@code root}, {@code token}, {@code clientId}, ... */
    public String get(String name) {
        String value = announced.get(name);
        if (value == null) throw new IllegalArgumentException("the server process announced no " + name);
        return value;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's last lines of output (its log), oldest first: to explain what it did before a failure. */
    public List<String> outputTail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** Kills the process with SIGKILL ({@code kill -9}: no shutdown hook, no flush) and waits for it to end. */
    public void kill() {
        close();
    }

    /** Kills the process with SIGKILL and waits for it to end. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child's {@code name=value} lines up to {@code ready}; its later output is drained so it never blocks, and
     * the last lines of it kept in {@code tail}.
     */
    private static Map<String, String> announcement(Process child, Deque<String> tail) throws IOException {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> values = new HashMap<>();
        String line;
        while ((line = output.readLine()) != null) {
            keep(tail, line);
            if (line.equals("ready")) {
                Thread drain = new Thread(() -> {
                    try {
                        String next;
                        while ((next = output.readLine()) != null) keep(tail, next);
                    } catch (IOException ignored) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return values;
            }
            int equals = line.indexOf('=');
            if (equals > 0) values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        throw new AssertionError(
                "the server process ended before it served: " + values + "; its output:\n" + String.join("\n", tail));
    }

    private static void keep(Deque<String> tail, String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) tail.removeFirst();
        }
    }
}
