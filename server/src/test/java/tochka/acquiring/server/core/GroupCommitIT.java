package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * Group commit on the database the suite runs on (SQLite or PostgreSQL): waiting writes share one commit, each keeps
 * the meaning of its own transaction, and the readers cannot write.
 */
class GroupCommitIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Database database;
    private Transactions db;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        Path dataDir = TestServer.tempDir();
        @Nullable String url = TestDatabases.freshUrl();
        database = url == null ? Database.sqlite(dataDir) : Database.postgres(url, null, null);
        db = database.transactions();
        db.useTransaction(handle -> handle.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        database.close();
    }

    @Test
    void writes_that_wait_together_share_one_commit() throws Exception {
        Held first = holdTheWriter();
        long commitsBefore = db.commits();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 2; i <= 41; i++) waiting.add(write(() -> {}, i, "note " + i));
        awaitQueued(40);

        first.release();
        for (var write : waiting) write.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(count()).isEqualTo(41);
        // The first write's own commit, then one for the forty that queued behind it.
        assertThat(db.commits() - commitsBefore).isEqualTo(2);
    }

    @Test
    void a_write_that_throws_is_undone_alone_and_its_caller_gets_the_exception() throws Exception {
        Held first = holdTheWriter();
        CompletableFuture<Void> before = write(() -> {}, 2, "before");
        awaitQueued(1);
        CompletableFuture<Void> failing = CompletableFuture.runAsync(
                () -> db.useTransaction(handle -> {
                    handle.execute("INSERT INTO note (id, text) VALUES (3, 'undone')");
                    throw Rejected.invalid("amount: refused");
                }),
                callers);
        awaitQueued(2);
        CompletableFuture<Void> duplicate = write(() -> {}, 2, "the same id again");
        awaitQueued(3);
        CompletableFuture<Void> after = write(() -> {}, 4, "after");
        awaitQueued(4);

        first.release();
        before.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        after.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThatThrownBy(() -> failing.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(Rejected.class)
                .hasMessageContaining("amount: refused");
        assertThatThrownBy(() -> duplicate.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .satisfies(
                        error -> assertThat(Database.isUniqueViolation(error)).isTrue());

        assertThat(texts()).containsExactly("first", "before", "after");
    }

    @Test
    void a_write_that_starts_another_runs_it_inside_its_own_transaction() {
        int inner = db.inTransaction(handle -> {
            handle.execute("INSERT INTO note (id, text) VALUES (1, 'outer')");
            return db.inTransaction(nested -> nested.execute("INSERT INTO note (id, text) VALUES (2, 'inner')"));
        });

        assertThat(inner).isEqualTo(1);
        assertThat(texts()).containsExactly("outer", "inner");
    }

    @Test
    void readers_cannot_write() {
        assumeFalse(TestDatabases.postgres(), "query_only is SQLite's; PostgreSQL's readers are plain connections");
        assertThatThrownBy(() -> db.withHandle(handle -> handle.execute("INSERT INTO note (id, text) VALUES (1, 'x')")))
                .hasMessageContaining("readonly");
        assertThat(count()).isZero();
    }

    @Test
    void an_interrupted_caller_still_learns_that_its_write_committed() throws Exception {
        Held first = holdTheWriter();
        CompletableFuture<Boolean> interrupted = CompletableFuture.supplyAsync(
                () -> {
                    Thread.currentThread().interrupt();
                    db.useTransaction(handle -> handle.execute("INSERT INTO note (id, text) VALUES (2, 'kept')"));
                    return Thread.currentThread().isInterrupted();
                },
                callers);
        awaitQueued(1);
        first.release();

        assertThat(interrupted.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the interrupt is kept")
                .isTrue();
        assertThat(texts()).containsExactly("first", "kept");
    }

    /** The first write (note 1, "first"), holding the writer inside its transaction until {@link #release}d. */
    private final class Held {
        private final CountDownLatch running = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final CompletableFuture<Void> write = write(
                () -> {
                    running.countDown();
                    await(released);
                },
                1,
                "first");

        /** Lets the first write commit, and waits until it has. */
        void release() throws Exception {
            released.countDown();
            write.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Starts the first write and waits until the writer runs it: what is written next queues behind it. */
    private Held holdTheWriter() throws InterruptedException {
        Held held = new Held();
        assertThat(held.running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return held;
    }

    /** A write of one note, doing {@code also} inside its transaction first, from a caller thread of its own. */
    private CompletableFuture<Void> write(Runnable also, int id, String text) {
        return CompletableFuture.runAsync(
                () -> db.useTransaction(handle -> {
                    also.run();
                    handle.createUpdate("INSERT INTO note (id, text) VALUES (:id, :text)")
                            .bind("id", id)
                            .bind("text", text)
                            .execute();
                }),
                callers);
    }

    /** Waits until {@code writes} writes wait behind the one running: the writer's queue tells. */
    private void awaitQueued(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (db.queued() < writes) {
            assertThat(System.nanoTime()).as("%d writes queued in time", writes).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private long count() {
        return db.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM note")
                .mapTo(Long.class)
                .one());
    }

    private List<String> texts() {
        return db.withHandle(handle -> handle.createQuery("SELECT text FROM note ORDER BY id")
                .mapTo(String.class)
                .list());
    }
}
