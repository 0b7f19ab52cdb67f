package tochka.acquiring.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Starts the processes a run measures (our server, WireMock, PostgreSQL), each stopped by the run's cleanup. */
final class Children {

    /** A target's address and the process whose CPU it uses. */
    record Server(URI base, long pid) {}

    private final Path repo;
    private final Cleanup cleanup;

    Children(Path repo, Cleanup cleanup) {
        this.repo = repo;
        this.cleanup = cleanup;
    }

    /** Our server as a user starts it, {@code ./tochka serve}, with the launcher's JVM flags. */
    Child ourServer(int port, Path data, @Nullable String dbUrl, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                repo.resolve("tochka").toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--webhook-allow",
                "127.0.0.1"));
        if (dbUrl != null) {
            command.add("--db");
            command.add(dbUrl);
        }
        Child child = Child.start("our server", command, log);
        cleanup.add("our server", child::stop);
        return child;
    }

    /** WireMock standalone serving the stubs under {@code root}, ready; with its defaults or without its journal. */
    Server wireMock(Path root, boolean noJournal, Path work) throws IOException, InterruptedException {
        Path jar = repo.resolve("bench/target/wiremock/wiremock-standalone.jar");
        if (!Files.exists(jar)) throw new BenchFailure(jar + " is missing: build with bench/run");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-jar",
                jar.toString(),
                "--port",
                Integer.toString(port),
                "--root-dir",
                root.toString(),
                "--disable-banner"));
        if (noJournal) command.add("--no-request-journal");
        String name = noJournal ? "WireMock --no-request-journal" : "WireMock";
        Child child = Child.start(name, command, work.resolve(noJournal ? "wiremock-no-journal.log" : "wiremock.log"));
        cleanup.add(name, child::stop);
        URI base = URI.create("http://127.0.0.1:" + port);
        Duration ready = child.awaitOk(base.resolve("/health"), Duration.ofMinutes(1));
        System.err.printf(Locale.ROOT, "%s ready in %d ms%n", name, ready.toMillis());
        return new Server(base, child.pid());
    }

    /** An embedded PostgreSQL with an empty database for our server; its JDBC URL. */
    String postgres() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        cleanup.add("embedded PostgreSQL", postgres::close);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tochka_bench");
        }
        return postgres.getJdbcUrl("postgres", "tochka_bench");
    }

    /**
     * ./tochka rebuilds tochka.jar, with mvn install, when a source is newer than it: that build must not happen
     * inside a measured start, nor install anything. bench/run packages first; a direct java run must too.
     */
    void requireFreshJar() throws IOException {
        Path jar = repo.resolve("cli/target/tochka.jar");
        if (!Files.exists(jar)) throw new BenchFailure(jar + " is missing: run bench/run, which builds it");
        var built = Files.getLastModifiedTime(jar);
        List<Path> sources = new ArrayList<>(List.of(repo.resolve("pom.xml"), repo.resolve("reference")));
        try (Stream<Path> modules = Files.list(repo)) {
            modules.filter(Files::isDirectory).forEach(module -> {
                sources.add(module.resolve("pom.xml"));
                sources.add(module.resolve("src"));
            });
        }
        for (Path source : sources) {
            if (!Files.exists(source)) continue;
            try (Stream<Path> files = Files.walk(source)) {
                Path newer = files.filter(Files::isRegularFile)
                        .filter(file -> {
                            try {
                                return Files.getLastModifiedTime(file).compareTo(built) > 0;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .findFirst()
                        .orElse(null);
                if (newer != null) {
                    throw new BenchFailure(newer + " is newer than " + jar + ", so ./tochka would rebuild it (with mvn"
                            + " install) while the bench times its start: run bench/run, which builds first");
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
