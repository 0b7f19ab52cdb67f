package tochka.acquiring.server;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Everything the server is started with. {@code dbUrl} null means SQLite in {@code dataDir}; {@code publicUrl}
 * null means {@code http://localhost:<port>}; {@code adminToken} null means the one derived from the signing key.
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        @Nullable String dbUrl,
        @Nullable String dbUser,
        @Nullable String dbPassword,
        @Nullable String publicUrl,
        boolean controlEnabled,
        @Nullable String adminToken) {

    /** A server on SQLite in {@code dataDir}, on a free port of the loopback interface, control API on. */
    public static Config forTests(Path dataDir, @Nullable String dbUrl) {
        return new Config("127.0.0.1", 0, dataDir, dbUrl, null, null, null, true, null);
    }
}
