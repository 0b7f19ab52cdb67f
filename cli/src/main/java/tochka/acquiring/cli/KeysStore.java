package tochka.acquiring.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Application.Backoffice;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.webhooks.WebhookPolicy;

/**
 * The database {@code tochka keys} and {@code tochka users} work on: the server's. Unlike {@code serve}, it never creates one unless told
 * to with {@code --init}: run from the wrong directory, it would otherwise seed a fresh database beside the real
 * one and print a key that the running server has never heard of.
 */
final class KeysStore {

    @Mixin
    StoreOptions location;

    @Option(
            names = "--init",
            description = "create and seed the database when there is none yet"
                    + " (without it, a missing database is an error)")
    boolean init;

    /** Says on {@code err} which database it is, refuses a missing one unless {@code --init}, and runs {@code action}. */
    int withBackoffice(PrintWriter err, Function<Backoffice, Integer> action) {
        Config config = location.config("127.0.0.1", 0, null, null, WebhookPolicy.BANK, false, false, false);
        err.println("database: " + Application.describeDatabase(config));
        err.flush();
        if (!init && !Application.databaseExists(config)) throw missing(config);
        try (Database database = Application.open(config)) {
            return action.apply(Backoffice.open(database, new ServerClock(Clock.systemUTC())));
        }
    }

    private static Rejected missing(Config config) {
        if (config.dbUrl() == null) {
            return Rejected.invalid("there is no database at " + Database.sqliteFile(config.dataDir())
                    + ", so a key or user made here would reach no running server. Run this command in the directory where"
                    + " the server runs, pass --data <the server's data directory> (or --db), or add --init to"
                    + " create a new database here.");
        }
        return Rejected.invalid("the PostgreSQL database " + Database.withoutPassword(config.dbUrl())
                + " has no tochka schema yet (no flyway_schema_history table), so a key or user made there would reach"
                + " no running server. Pass the --db the server uses, or add --init to create the schema there.");
    }
}
