package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's SDK example is the body of {@code docs/examples/sdk-quickstart}'s {@code Quickstart.main}, which the
 * README test compiles against the SDK and runs against the server: the README shows code that works.
 */
class ReadmeExampleTest {

    @Test
    void the_readme_shows_the_quickstart_that_the_readme_test_runs() throws IOException {
        List<String> quickstart =
                Files.readAllLines(Path.of("../docs/examples/sdk-quickstart/src/main/java/Quickstart.java"));
        int start = indexOf(quickstart, "    public static void main(") + 1;
        int end = quickstart.subList(start, quickstart.size()).indexOf("    }") + start;
        String body = quickstart.subList(start, end).stream()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));

        assertThat(body).contains("TochkaClient.builder()").contains("payments().create(");
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + body + "\n```");
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) return i;
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
