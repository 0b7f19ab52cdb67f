package tochka.acquiring.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run measured: numbers mean little without it. */
public record Machine(int cpus, String cpuModel, String kernel, String java, long clockTicksPerSecond) {

    /** Reads this machine's (the JVM the server runs on is the {@code java} on the PATH, as for ./tochka). */
    static Machine probe() throws IOException, InterruptedException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
        String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease"), StandardCharsets.UTF_8)
                .trim();
        String java =
                String.join(" / ", output(List.of("java", "-version")).strip().split("\n", -1));
        long ticks = Long.parseLong(output(List.of("getconf", "CLK_TCK")).trim());
        return new Machine(Runtime.getRuntime().availableProcessors(), model, kernel, java, ticks);
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw new IOException(command + " failed: " + text);
        return text;
    }

    /** One line for the table's heading. */
    String describe() {
        return cpus + " CPUs (" + cpuModel + "), Linux " + kernel + ", " + java;
    }
}
