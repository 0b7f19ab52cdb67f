package tochka.acquiring.server.core;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One-off server settings by name, inside the caller's transaction: seed markers, the admin token's hash. */
public final class Settings {

    private final Handle handle;

    public Settings(Handle handle) {
        this.handle = handle;
    }

    public Optional<String> get(String name) {
        return handle.createQuery("SELECT value FROM setting WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne();
    }

    public void put(String name, String value) {
        handle.createUpdate("INSERT INTO setting (name, value) VALUES (:name, :value)")
                .bind("name", name)
                .bind("value", value)
                .execute();
    }

    /** Sets {@code name} to {@code value}, whether or not it was set. */
    public void replace(String name, String value) {
        int updated = handle.createUpdate("UPDATE setting SET value = :value WHERE name = :name")
                .bind("name", name)
                .bind("value", value)
                .execute();
        if (updated == 0) put(name, value);
    }
}
