package tochka.acquiring.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.webhooks.WebhookPolicy;

/** Where the server keeps its data: {@code --data} for SQLite, or {@code --db} for PostgreSQL. */
final class StoreOptions {

    @Option(
            names = "--data",
            defaultValue = "./data",
            description = "data directory of the embedded SQLite database (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--db", description = "a jdbc:postgresql:// URL; the database is used instead of --data")
    String dbUrl;

    @Option(
            names = "--db-user",
            defaultValue = "${env:TOCHKA_DB_USER}",
            description = "PostgreSQL user (or TOCHKA_DB_USER)")
    String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:TOCHKA_DB_PASSWORD}",
            description = "PostgreSQL password (or TOCHKA_DB_PASSWORD)")
    String dbPassword;

    /** The server's config; {@code control}, {@code admin} and {@code sandbox} turn those parts on. */
    Config config(
            String host,
            int port,
            @Nullable String publicUrl,
            @Nullable String adminToken,
            WebhookPolicy webhooks,
            boolean control,
            boolean admin,
            boolean sandbox) {
        return Config.builder(dataDir)
                .host(host)
                .port(port)
                .dbUrl(dbUrl)
                .dbUser(dbUser)
                .dbPassword(dbPassword)
                .publicUrl(publicUrl)
                .controlEnabled(control)
                .adminEnabled(admin)
                .sandboxEnabled(sandbox)
                .adminToken(adminToken)
                .webhooks(webhooks)
                .build();
    }
}
