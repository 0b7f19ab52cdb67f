package tochka.acquiring.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.WebhookVerifier;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * One server the extension started, with what it hands out for it, kept in JUnit's store of the class or test that
 * owns it; JUnit closes it when that class or test is over.
 */
// Both ways JUnit closes stored values: AutoCloseable since 5.13 (when not switched off), CloseableResource before.
@SuppressWarnings("deprecation")
final class RunningServer implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final TestServer server;
    private final TochkaClient client;
    private final ServerControl control;
    private final WebhookVerifier verifier;
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable WebhookInbox inbox;

    private RunningServer(TestServer server) {
        this.server = server;
        this.client = TochkaClient.builder()
                .baseUrl(server.apiUrl())
                .token(server.demoToken())
                .customerCode(server.customerCode())
                .build();
        this.control = new ServerControl(server.control());
        this.verifier = WebhookVerifier.forKeyUrl(client.webhookKeyUrl());
    }

    /** A server over a new, empty database of {@code database}'s kind. */
    static RunningServer start(TochkaServer.Database database) {
        Path dataDir = TestServer.tempDir();
        try {
            // SQLite by name, not TestDatabases' choice: -Dtochka.test.db must not change what the test asked for.
            TestServer server = database == TochkaServer.Database.POSTGRES
                    ? TestServer.start(dataDir, TestDatabases.freshPostgresUrl())
                    : TestServer.start(dataDir, null);
            return new RunningServer(server);
        } catch (RuntimeException e) {
            delete(dataDir);
            throw e;
        }
    }

    TestServer server() {
        return server;
    }

    TochkaClient client() {
        return client;
    }

    ServerControl control() {
        return control;
    }

    WebhookVerifier verifier() {
        return verifier;
    }

    /** The inbox, registered as the demo key's webhook the first time a test asks for it. */
    synchronized WebhookInbox inbox() {
        WebhookInbox registered = inbox;
        if (registered == null) {
            registered = WebhookInbox.register(client, server.clientId(), verifier);
            inbox = registered;
        }
        return registered;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        WebhookInbox registered;
        synchronized (this) {
            registered = inbox;
        }
        try {
            if (registered != null) registered.close();
            server.close();
        } finally {
            delete(server.dataDir());
        }
    }

    /** Removes a temporary data directory, as far as it can: what is left is the OS's to clean. */
    private static void delete(Path dir) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        } catch (IOException e) {
            return;
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a file still held open: leave it to the OS's temp cleaner
            }
        }
    }
}
