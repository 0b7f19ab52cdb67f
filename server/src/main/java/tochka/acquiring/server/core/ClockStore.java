package tochka.acquiring.server.core;

import org.jdbi.v3.core.Handle;

/** The one row holding how far the test-control API has moved the server's clock ahead of the real one. */
final class ClockStore {

    private final Handle handle;

    ClockStore(Handle handle) {
        this.handle = handle;
    }

    /** The offset in milliseconds (0 until the clock is first advanced). */
    public long offsetMillis() {
        return handle.createQuery("SELECT offset_millis FROM server_clock WHERE id = 1")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Adds {@code millis} to the offset in one statement, so advances from several nodes at once all count; returns
     * the new offset. Call inside a transaction, so the read sees this very update.
     */
    public long advance(long millis) {
        handle.createUpdate("UPDATE server_clock SET offset_millis = offset_millis + :millis WHERE id = 1")
                .bind("millis", millis)
                .execute();
        return offsetMillis();
    }
}
