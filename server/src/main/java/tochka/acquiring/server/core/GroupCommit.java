package tochka.acquiring.server.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the database: group commit. Every write transaction of the server is queued here.
 * The thread takes all that are waiting, runs them one after another inside one database transaction, each inside
 * a savepoint of its own, commits once, and only then answers them all. So N concurrent writes cost one commit (one
 * fsync) instead of N, and writers never fight for SQLite's lock (they used to queue on its busy handler, sleeping
 * 1 to 100 ms per try).
 *
 * <p>Each write keeps the meaning of its own transaction: it sees the writes queued before it, a write that throws
 * is rolled back to its savepoint alone and its caller gets the exception, and no caller is answered before the
 * commit that holds its write. When the batch as a whole fails (its commit, or a write that leaves the transaction
 * unusable, as a failed statement does on PostgreSQL), nothing of it was kept, and each write is run again in a
 * transaction of its own.
 */
final class GroupCommit implements AutoCloseable {

    /** The most writes one commit takes: bounds the time the lock is held and the answers wait for each other. */
    static final int MAX_BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final String SAVEPOINT = "one_write";

    private final Jdbi jdbi;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    /** The writer thread's open handle, while it runs a batch: a write that starts another joins it. */
    private @Nullable Handle current;

    private volatile boolean closed;

    GroupCommit(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code work} in a transaction and returns its result once the transaction is committed; its exception,
     * unchanged, when it threw (and nothing of it was kept).
     */
    <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        if (Thread.currentThread() == thread) {
            // A write that starts another (a service calling a service) runs inside it, as Jdbi's nested
            // transactions do: queueing it would wait on this very thread.
            return work.withHandle(java.util.Objects.requireNonNull(current, "the writer runs no batch"));
        }
        Write<R> write = new Write<>(work);
        if (closed) throw new IllegalStateException("the database is closed");
        queue.add(write);
        return write.outcome();
    }

    /** Writes committed so far: with {@link #commits()}, how many writes each commit (each fsync) carried. */
    long writes() {
        return writes.get();
    }

    /** Commits so far. */
    long commits() {
        return commits.get();
    }

    /** Writes waiting for the writer, the one it runs not counted. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Write<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break; // close()
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                write(batch);
            } catch (Throwable e) { // an Error: the writer must go on, and no caller may wait for ever
                log.error("a batch of {} writes failed", batch.size(), e);
                batch.forEach(write -> write.fail(e));
            }
            batch.clear();
        }
        IllegalStateException closing = new IllegalStateException("the database is closed");
        for (Write<?> write = queue.poll(); write != null; write = queue.poll()) write.fail(closing);
    }

    private void write(List<Write<?>> batch) {
        try (Handle handle = jdbi.open()) {
            current = handle;
            if (batch.size() > 1 && together(handle, batch)) return;
            for (Write<?> write : batch) alone(handle, write);
        } finally {
            current = null;
        }
    }

    /** The batch in one transaction; false when the batch as a whole failed and was rolled back. */
    private boolean together(Handle handle, List<Write<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try {
            handle.begin();
            for (Write<?> write : batch) answers.add(inSavepoint(handle, write));
            handle.commit();
        } catch (RuntimeException e) {
            log.debug("a batch of {} writes failed as a whole; each runs alone", batch.size(), e);
            try {
                handle.rollback();
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            return false;
        }
        commits.incrementAndGet();
        writes.addAndGet(batch.size());
        answers.forEach(Runnable::run);
        return true;
    }

    /** Runs one write of a batch inside a savepoint; returns how to answer its caller once the batch commits. */
    private <R> Runnable inSavepoint(Handle handle, Write<R> write) {
        handle.savepoint(SAVEPOINT);
        try {
            R result = write.work.withHandle(handle);
            handle.releaseSavepoint(SAVEPOINT);
            return () -> write.done.complete(result);
        } catch (Exception e) {
            handle.rollbackToSavepoint(SAVEPOINT);
            handle.releaseSavepoint(SAVEPOINT);
            return () -> write.done.completeExceptionally(e);
        }
    }

    private <R> void alone(Handle handle, Write<R> write) {
        try {
            R result = handle.inTransaction(write.work);
            commits.incrementAndGet();
            writes.incrementAndGet();
            write.done.complete(result);
        } catch (Exception e) {
            write.done.completeExceptionally(e);
        }
    }

    /** Stops taking writes; those queued and not yet begun fail. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One queued write and its caller's answer. */
    private static final class Write<R> {
        private final HandleCallback<R, ?> work;
        private final CompletableFuture<R> done = new CompletableFuture<>();

        Write(HandleCallback<R, ?> work) {
            this.work = work;
        }

        void fail(Throwable error) {
            done.completeExceptionally(error);
        }

        /**
         * Waits for the commit, even when interrupted (the write may be committing: the caller must learn how it
         * ended; the interrupt is kept), and rethrows the write's own exception.
         */
        @SuppressWarnings("unchecked")
        <X extends Exception> R outcome() throws X {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return done.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException runtime) throw runtime;
                        if (cause instanceof Error error) throw error;
                        throw (X) cause; // the checked exception the work declared (HandleCallback's X)
                    }
                }
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }
}
