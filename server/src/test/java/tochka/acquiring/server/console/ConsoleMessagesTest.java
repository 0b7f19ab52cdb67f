package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.http.Messages;

/** The console's texts: the same keys in Russian and English, and every key the pages use is there. */
class ConsoleMessagesTest {

    /** A text's key in a template or in code: {@code t.get("nav.home")}, {@code view.t().format("login.locked", ...)}. */
    private static final Pattern TEXT_CALL = Pattern.compile("\\bt(?:\\(\\))?\\.(?:get|format|has)\\(\"([^\"]+)\"[,)]");
    /** A key handed on as a literal ({@code Section.HOME("/console", "nav.home")}): dotted words. */
    private static final Pattern DOTTED_LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"");
    /** Dotted literals that are not texts: file names, versions ({@code "v1.0"}), date patterns ({@code "dd.MM"}). */
    private static final Pattern NOT_A_TEXT =
            Pattern.compile(".*\\.(css|js|json|svg|ico|png|jte|properties)|v[0-9]+(\\.[0-9]+)+|[dMy]+(\\.[dMy]+)+");

    private static final String RUSSIAN = "/i18n/console.properties";
    private static final String ENGLISH = "/i18n/console_en.properties";

    @Test
    void russian_is_the_default_and_english_is_offered() {
        assertThat(Messages.of(ConsolePages.BUNDLE, "xx").lang()).isEqualTo("ru");
        assertThat(Messages.of(ConsolePages.BUNDLE, "ru").get("nav.developers")).isEqualTo("Разработчикам");
        assertThat(Messages.of(ConsolePages.BUNDLE, "en").get("nav.developers")).isEqualTo("Developers");
    }

    /**
     * English falls back to Russian for a key it lacks (the base bundle is its parent), so a missing translation
     * would show Russian on an English page: each file must hold every key itself.
     */
    @Test
    void both_languages_have_the_same_keys() {
        Set<String> russian = ownKeys(RUSSIAN);
        Set<String> english = ownKeys(ENGLISH);

        assertThat(russian).hasSizeGreaterThan(30);
        assertThat(english).as("keys of the English file").containsExactlyInAnyOrderElementsOf(russian);
    }

    /**
     * Every key the console's templates and code ask for literally, and every section's name in the navigation, is a
     * text in both languages (a missing one would be a 500 on the page).
     */
    @Test
    void every_key_the_pages_use_is_a_text() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : files(Path.of("src/main/jte/console"), ".jte")) {
            collect(TEXT_CALL, Files.readString(template), used);
        }
        for (Path code : files(Path.of("src/main/java/tochka/acquiring/server/console"), ".java")) {
            String text = Files.readString(code);
            collect(TEXT_CALL, text, used);
            Matcher literal = DOTTED_LITERAL.matcher(text);
            while (literal.find()) {
                if (!NOT_A_TEXT.matcher(literal.group(1)).matches()) used.add(literal.group(1));
            }
        }
        for (Section section : Section.values()) used.add(section.textKey());
        for (PostmanFiles.AdminToken state : PostmanFiles.AdminToken.values()) used.add(state.textKey());
        // The scan finds what it is meant to: keys of templates, of code and of the navigation.
        assertThat(used)
                .contains(
                        "login.title",
                        "login.locked",
                        "problem.title",
                        "nav.requests",
                        "developers.title",
                        "developers.admin.unknown");

        for (String file : List.of(RUSSIAN, ENGLISH)) {
            assertThat(ownKeys(file)).as("texts of %s", file).containsAll(used);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) into.add(matcher.group(1));
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The keys of one properties file, without those of a parent bundle. */
    private static Set<String> ownKeys(String resource) {
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new AssertionError("no resource " + resource);
            return new TreeSet<>(
                    new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)).keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
