package tochka.acquiring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tochka} launcher: one line while it builds, Maven's errors when the build fails, and nothing that
 * paints a pipe with escape sequences (neither Maven nor the jar). The build itself is a stand-in {@code mvn} on the
 * PATH, so these tests take seconds, not the minute of a real build.
 */
class LauncherIT {

    private static final Path REPOSITORY =
            java.util.Objects.requireNonNull(Path.of("").toAbsolutePath().getParent());
    private static final Path JAR =
            Path.of(System.getProperty("tochka.jar", "target/tochka.jar")).toAbsolutePath();

    @TempDir
    Path checkout;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Path directory, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("%s finished", List.of(command))
                .isTrue();
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A checkout without tochka.jar, whose {@code mvn} is {@code fakeMaven} (a bash script body). */
    private Map<String, String> checkoutWithMaven(String fakeMaven) throws IOException {
        Files.copy(REPOSITORY.resolve("tochka"), checkout.resolve("tochka"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("cli/src"));
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\necho \"$@\" > \"$(dirname \"$0\")/mvn-arguments\"\n" + fakeMaven);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of("PATH", bin + ":" + System.getenv("PATH"), "TOCHKA_JAR", JAR.toString());
    }

    @Test
    void a_first_start_says_in_one_line_that_it_builds_and_then_runs_the_jar() throws Exception {
        Map<String, String> environment =
                checkoutWithMaven("mkdir -p cli/target && cp \"$TOCHKA_JAR\" cli/target/tochka.jar\n");

        Run run = run(checkout, environment, "bash", checkout.resolve("tochka").toString(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Building tochka.jar (first start only, about a minute) ...\n");
        assertThat(run.out()).startsWith("tochka ");
        assertThat(Files.readString(checkout.resolve("bin/mvn-arguments")))
                .contains("-q")
                .contains("-B");
    }

    @Test
    void a_failed_build_shows_mavens_errors_and_says_where_the_whole_log_is() throws Exception {
        Map<String, String> environment =
                checkoutWithMaven("echo '[ERROR] /src/Foo.java:[1,24] illegal start of expression'\nexit 1\n");

        Run run = run(checkout, environment, "bash", checkout.resolve("tochka").toString(), "serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("Building tochka.jar (first start only, about a minute) ...\n")
                .contains("[ERROR] /src/Foo.java:[1,24] illegal start of expression")
                .contains("tochka.jar did not build: Maven's errors are above")
                .contains("mvn -B -DskipTests install");
    }

    @Test
    void maven_in_this_repository_writes_no_escape_sequences_into_a_pipe() throws Exception {
        Run run = run(REPOSITORY, Map.of(), "mvn", "-B", "-q", "-ntp", "-N", "validate");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("\u001b");
    }

    @Test
    void help_and_usage_errors_have_no_colours_in_a_pipe() throws Exception {
        List<String> outputs = new ArrayList<>();
        for (String[] args : List.of(
                new String[] {"--help"}, new String[] {"serve", "--help"}, new String[] {"serve", "--no-such-option"
                })) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
            command.addAll(List.of(args));
            Run run = run(checkout, Map.of(), command.toArray(String[]::new));
            outputs.add(run.out() + run.err());
        }

        assertThat(outputs.get(0)).contains("serve").contains("keys");
        assertThat(outputs.get(2)).contains("--no-such-option");
        assertThat(String.join("", outputs)).doesNotContain("\u001b");
    }

    @Test
    void serve_runs_on_a_small_heap_and_writes_then_uses_a_class_data_archive_other_commands_run_plain()
            throws Exception {
        Map<String, String> environment = checkoutWithMaven("exit 1\n");
        Path jar = Files.createDirectories(checkout.resolve("cli/target")).resolve("tochka.jar");
        Files.writeString(jar, "stand-in");
        Path java = checkout.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-} $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = checkout.resolve("cli/target/tochka-serve.jsa");
        String launcher = checkout.resolve("tochka").toString();

        String first = run(checkout, environment, "bash", launcher, "serve", "--port", "0")
                .out();
        assertThat(first)
                .startsWith("MALLOC_ARENA_MAX=2 ")
                .contains("-XX:+UseSerialGC", "-Xmx160m", "-XX:ArchiveClassesAtExit=" + archive)
                .doesNotContain("SharedArchiveFile")
                .endsWith("-jar " + jar + " serve --port 0\n");

        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(
                archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        String later = run(checkout, environment, "bash", launcher, "serve").out();
        assertThat(later).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");

        Map<String, String> withOptions = new java.util.HashMap<>(environment);
        withOptions.put("JAVA_OPTS", "-Xmx1g");
        assertThat(run(checkout, withOptions, "bash", launcher, "serve").out()).contains("-Xmx160m -XX", "-Xmx1g -jar");

        assertThat(run(checkout, environment, "bash", launcher, "keys", "list").out())
                .isEqualTo("MALLOC_ARENA_MAX= -jar " + jar + " keys list\n");
    }
}
