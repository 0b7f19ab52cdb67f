package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.testing.TextKeys;

/** The console's texts: the same keys in Russian and English, and every key the pages use is there. */
class ConsoleMessagesTest {

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
        Set<String> russian = TextKeys.ownKeys(RUSSIAN);
        Set<String> english = TextKeys.ownKeys(ENGLISH);

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
        for (Path template : TextKeys.files(Path.of("src/main/jte/console"), ".jte")) {
            TextKeys.collect(TextKeys.TEXT_CALL, Files.readString(template), used);
        }
        for (Path code : TextKeys.files(Path.of("src/main/java/tochka/acquiring/server/console"), ".java")) {
            String text = Files.readString(code);
            TextKeys.collect(TextKeys.TEXT_CALL, text, used);
            Matcher literal = TextKeys.DOTTED_LITERAL.matcher(text);
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
            assertThat(TextKeys.ownKeys(file)).as("texts of %s", file).containsAll(used);
        }
    }
}
