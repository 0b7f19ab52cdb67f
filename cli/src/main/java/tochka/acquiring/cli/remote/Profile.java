package tochka.acquiring.cli.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;

/**
 * A profile: a file of {@code NAME=value} lines with the names {@code data/demo.env} uses ({@code TOCHKA_BASE_URL},
 * {@code TOCHKA_TOKEN}, ...), so the file {@code tochka serve} writes is itself a profile, and one for the bank is
 * three lines. Blank lines, {@code #} comments, {@code export} and quotes around a value are allowed, as in a shell.
 */
record Profile(Path file, Map<String, String> values) {

    /** Where {@code --profile NAME} looks when NAME is not a file: {@code $TOCHKA_CONFIG_DIR/NAME.env}. */
    static final String DIRECTORY_VARIABLE = "TOCHKA_CONFIG_DIR";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final long MAX_BYTES = 64 * 1024;

    /**
     * The profile {@code nameOrFile} names: a file that exists, or else {@code NAME.env} in
     * {@code $TOCHKA_CONFIG_DIR} (default {@code ~/.config/tochka}).
     */
    static Profile load(String nameOrFile, Map<String, String> environment) {
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            if (!NAME.matcher(nameOrFile).matches()) {
                throw new CliFailure(ExitCodes.REJECTED, "--profile " + nameOrFile + ": no such file");
            }
            file = directory(environment).resolve(nameOrFile + ".env");
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(
                        ExitCodes.REJECTED,
                        "--profile " + nameOrFile + ": neither a file nor " + file
                                + "; write one with lines like TOCHKA_BASE_URL=..., TOCHKA_TOKEN=... (data/demo.env is"
                                + " one)");
            }
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CliFailure(ExitCodes.REJECTED, "--profile " + file + ": larger than 64 KB, not a profile");
            }
            return new Profile(file, parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REJECTED, "--profile " + file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    static Path directory(Map<String, String> environment) {
        String configured = environment.get(DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".config", "tochka");
    }

    private static boolean quoted(String value, char quote) {
        return value.length() >= 2 && value.charAt(0) == quote && value.charAt(value.length() - 1) == quote;
    }

    private static Map<String, String> parse(Iterable<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export "))
                line = line.substring("export ".length()).strip();
            int equals = line.indexOf('=');
            if (equals <= 0) continue;
            String value = line.substring(equals + 1).strip();
            if (quoted(value, '"') || quoted(value, '\'')) value = value.substring(1, value.length() - 1);
            values.put(line.substring(0, equals).strip(), value);
        }
        return Map.copyOf(values);
    }
}
