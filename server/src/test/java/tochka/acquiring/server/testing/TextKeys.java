package tochka.acquiring.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the pages' texts tests share: finding the text keys that templates and code use, and reading the keys a
 * properties file holds itself.
 */
public final class TextKeys {

    /** A text's key in a template or in code: {@code t.get("card.title")}, {@code t().format("card.hold", ...)}. */
    public static final Pattern TEXT_CALL = Pattern.compile("\\bt(?:\\(\\))?\\.(?:get|format|has)\\(\"([^\"]+)\"[,)]");

    /** A key handed on as a literal ({@code Section.HOME("/console", "nav.home")}): dotted words. */
    public static final Pattern DOTTED_LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"");

    private TextKeys() {}

    /** Adds to {@code into} the first group of every match of {@code pattern} in {@code text}. */
    public static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) into.add(matcher.group(1));
    }

    /** The files of {@code folder} (not its subfolders) whose names end with {@code suffix}, in order. */
    public static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The keys of one properties file on the classpath, without those of a parent bundle. */
    public static Set<String> ownKeys(String resource) {
        try (InputStream in = TextKeys.class.getResourceAsStream(resource)) {
            if (in == null) throw new AssertionError("no resource " + resource);
            return new TreeSet<>(
                    new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)).keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
