package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.LogCapture;
import tochka.acquiring.testkit.TestServer;

/**
 * The data directory holds the signing key and the tokens: 700, and every file in it 600, whether the server made
 * it or an older version did with looser modes. SQLite only (PostgreSQL keeps no database file there).
 */
class DataDirectoryIT {

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void assertPrivate(Path dir) throws Exception {
        assertThat(mode(dir)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void a_new_data_directory_and_everything_in_it_are_private() throws Exception {
        Path dir = TestServer.tempDir().resolve("data");
        try (TestServer server = TestServer.start(Config.forTests(dir, null))) {
            server.paidCardLink("5");
            assertThat(Files.exists(dir.resolve("tochka.db-wal")))
                    .as("the WAL exists while the server runs")
                    .isTrue();
            assertThat(Files.exists(dir.resolve("tochka.db-shm"))).isTrue();
            assertThat(Files.exists(dir.resolve("server.lock"))).isTrue();
            assertPrivate(dir);
        }
        assertPrivate(dir);
    }

    @Test
    void an_older_data_directory_is_tightened_on_start_and_the_change_logged() throws Exception {
        Path dir = TestServer.tempDir().resolve("data");
        try (TestServer server = TestServer.start(Config.forTests(dir, null))) {
            server.paidCardLink("5");
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("tochka.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("demo.env"), "TOCHKA_TOKEN=x\n");
        Files.setPosixFilePermissions(dir.resolve("demo.env"), PosixFilePermissions.fromString("rw-rw-r--"));

        try (LogCapture log = LogCapture.of(Level.INFO, DataDirectory.class);
                TestServer server = TestServer.start(Config.forTests(dir, null))) {
            server.paidCardLink("5");
            assertPrivate(dir);
            assertThat(log.lines())
                    .anySatisfy(line -> assertThat(line).contains("tochka.db", "rw-r--r-- -> rw-------"))
                    .anySatisfy(line -> assertThat(line).contains("demo.env", "rw-rw-r-- -> rw-------"))
                    .anySatisfy(line -> assertThat(line).contains("rwxr-xr-x -> rwx------"));
        }
    }
}
