package tochka.acquiring.server.core;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The database as the services use it: a write is a transaction run by the one writer thread, which commits
 * waiting writes together ({@link GroupCommit}); a read runs at once on a connection of its own. On SQLite the
 * readers' connections are opened {@code query_only}, so a write that came here as a read fails loudly instead of
 * fighting the writer for the lock.
 */
public final class Transactions {

    private final Jdbi readers;
    private final GroupCommit writer;

    Transactions(Jdbi readers, GroupCommit writer) {
        this.readers = readers;
        this.writer = writer;
    }

    /**
     * Runs {@code work} as one transaction and returns its result after the commit: what a caller is answered is
     * durable. When {@code work} throws, nothing of it is kept and the exception comes out here.
     */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        return writer.inTransaction(work);
    }

    /** {@link #inTransaction} for work without a result. */
    public <X extends Exception> void useTransaction(HandleConsumer<X> work) throws X {
        writer.inTransaction(handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    /** Reads: {@code work} must not write (on SQLite it cannot). */
    public <R, X extends Exception> R withHandle(HandleCallback<R, X> work) throws X {
        return readers.withHandle(work);
    }

    /** Writes committed so far, and {@link #commits()}: how many writes share a commit (an fsync). */
    public long writes() {
        return writer.writes();
    }

    /** Commits so far. */
    public long commits() {
        return writer.commits();
    }

    /** Writes waiting for the writer, the one it runs not counted. */
    public int queued() {
        return writer.queued();
    }
}
