package tochka.acquiring.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time and resident memory as Linux's /proc reports them. */
public final class ProcFs {

    private ProcFs() {}

    /**
     * utime + stime, in clock ticks, of a {@code /proc/<pid>/stat} line. The command name in parentheses may hold
     * spaces and parentheses itself, so the fields are counted from its last ')': state is field 3, utime 14 and
     * stime 15 (proc(5)).
     */
    public static long cpuTicks(String statLine) {
        int end = statLine.lastIndexOf(')');
        if (end < 0) throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        String[] fields = statLine.substring(end + 1).trim().split("\\s+", -1);
        if (fields.length < 13) throw new IllegalArgumentException("too few fields: " + statLine);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** VmRSS of a {@code /proc/<pid>/status} text, in bytes. */
    public static long residentBytes(String status) {
        for (String line : status.split("\n", -1)) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+", -1);
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmRSS line: " + line);
                }
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalArgumentException("no VmRSS line (the process has exited?)");
    }

    /** The CPU time a live process has used so far, in clock ticks. */
    public static long cpuTicks(long pid) {
        return cpuTicks(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The resident memory of a live process, in bytes. */
    public static long residentBytes(long pid) {
        return residentBytes(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
