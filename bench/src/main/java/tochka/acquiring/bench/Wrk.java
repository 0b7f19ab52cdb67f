package tochka.acquiring.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs wrk with one of the bench's Lua scripts and reads back the result line the script writes. */
final class Wrk {

    /** What to send: the script (load.lua or flow.lua) and its settings, passed as BENCH_* environment variables. */
    record Load(String script, Map<String, String> settings) {}

    private final String executable;
    private final Path luaDir;
    private final Path workDir;
    private int runs;

    Wrk(String executable, Path luaDir, Path workDir) {
        this.executable = executable;
        this.luaDir = luaDir;
        this.workDir = workDir;
    }

    /** The Lua scripts, from the bench's resources into {@code dir}: wrk reads files. */
    static Path extractScripts(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("report.lua", "load.lua", "flow.lua")) {
            try (var in = Wrk.class.getResourceAsStream("lua/" + name)) {
                if (in == null) throw new IllegalStateException("missing resource lua/" + name);
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return dir;
    }

    /**
     * One run: {@code threads} wrk threads, {@code connections} connections, for {@code duration} (whole seconds,
     * as wrk takes them). A 10 s request timeout, so that a slow answer is measured as slow, not as a timeout error.
     */
    WrkResult run(URI base, Load load, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        int run = ++runs;
        Path out = workDir.resolve("wrk-" + run + ".json");
        Path log = workDir.resolve("wrk-" + run + ".log");
        List<String> command = new ArrayList<>(List.of(
                executable,
                "-t" + threads,
                "-c" + connections,
                "-d" + Math.max(1, (duration.toMillis() + 999) / 1000) + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                luaDir.resolve(load.script()).toString(),
                base.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(load.settings());
        builder.environment().put("BENCH_LUA_DIR", luaDir.toString());
        builder.environment().put("BENCH_OUT", out.toString());
        Process process = builder.start();
        int exit = process.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0 || !Files.exists(out)) {
            throw new BenchFailure("wrk failed (exit " + exit + "): " + String.join(" ", command) + "\n" + output);
        }
        WrkResult result =
                WrkResult.parse(Files.readString(out, StandardCharsets.UTF_8).trim());
        Files.delete(out);
        Files.delete(log);
        return result;
    }

    /** The settings of load.lua. */
    static Load load(String method, String path, @Nullable String bearer, @Nullable Path body, @Nullable Path ids) {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("BENCH_METHOD", method);
        settings.put("BENCH_PATH", path);
        if (bearer != null) settings.put("BENCH_AUTH", bearer);
        if (body != null) settings.put("BENCH_BODY_FILE", body.toString());
        if (ids != null) settings.put("BENCH_IDS_FILE", ids.toString());
        return new Load("load.lua", Map.copyOf(settings));
    }
}
