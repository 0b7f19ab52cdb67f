package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SDK brings a merchant's application only the api records, Jackson and JSpecify's annotations: never the
 * server, a web framework or a logging backend. Reads the runtime dependency list the build writes
 * ({@code maven-dependency-plugin:list} in {@code client/pom.xml}).
 */
class ClientDependenciesTest {

    private static final Pattern ARTIFACT = Pattern.compile("^\\s*([\\w.-]+):([\\w.-]+):jar:[^:]+:(compile|runtime)");

    @Test
    void the_runtime_classpath_holds_the_api_records_jackson_and_annotations_only() throws IOException {
        List<String> artifacts = Files.readAllLines(Path.of("target/runtime-dependencies.txt")).stream()
                .map(ARTIFACT::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1) + ":" + found.group(2))
                .toList();

        assertThat(artifacts)
                .contains("tochka.acquiring:tochka-acquiring-api", "com.fasterxml.jackson.core:jackson-databind")
                .allSatisfy(artifact -> assertThat(artifact)
                        .matches("tochka\\.acquiring:tochka-acquiring-api"
                                + "|com\\.fasterxml\\.jackson\\.core:jackson-(databind|core|annotations)"
                                + "|org\\.jspecify:jspecify"));
    }
}
